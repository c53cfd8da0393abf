// The recording format: H.264 in WebM where the browser records it (the ingest copies it, no
// transcode), else VP8 in WebM (the ingest transcodes it).

export const MIME_TYPES = {
  h264: 'video/webm;codecs=h264,opus',
  vp8: 'video/webm;codecs=vp8,opus',
} as const;

export function chooseMimeType(isTypeSupported: (type: string) => boolean): string {
  return isTypeSupported('video/webm;codecs=h264') ? MIME_TYPES.h264 : MIME_TYPES.vp8;
}
