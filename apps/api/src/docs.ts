// The API reference page: the OpenAPI document rendered in the browser by Scalar, served from
// our own origin (no CDN).
export const docsPage = (specUrl: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>VidInfra Live API reference</title>
  </head>
  <body>
    <script id="api-reference" data-url="${specUrl}"></script>
    <script src="/api/docs/reference.js"></script>
  </body>
</html>`;
