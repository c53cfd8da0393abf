// Hands text to the browser as a file download (attendance exports arrive as text over tRPC).
export function saveFile(file: { filename: string; content: string; content_type: string }) {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.content_type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser the time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
