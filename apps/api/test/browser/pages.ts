// A publisher and a viewer page, served at the app's own origin by the browser's request
// interception (so the ingest WebSocket and the HLS requests are same-origin): the browser
// media test and the glass-to-glass benchmark drive them.
//
// The publisher records either the (fake) webcam or a canvas clock: Date.now() mod 2^40 as 40
// black/white blocks, then the same bits inverted in a second row (a frame whose rows disagree
// is not counted). MediaRecorder records it as the studio does and each 250 ms slice goes to
// the ingest.
// The viewer plays the HLS with hls.js, reads the clock back from every decoded frame
// (requestVideoFrameCallback → canvas → pixels) and reports Date.now() − clock: glass to glass.

export const WIDTH = 640;
export const HEIGHT = 360;
const BITS = 40;
const BLOCK = WIDTH / BITS;
const ROW = 60;

const clockCodec = `
const WIDTH = ${WIDTH}, HEIGHT = ${HEIGHT}, BITS = ${BITS}, BLOCK = ${BLOCK}, ROW = ${ROW};
`;

/**
 * The canvas clock as a script of its own: defines canvasClock(), which starts drawing and
 * returns the clock's video and a tone as a MediaStream. The publisher page runs it; the
 * benchmark of the real studio runs it as an init script standing in for the camera.
 */
export const canvasClockScript = `
${clockCodec}
const canvas = Object.assign(document.createElement('canvas'), { width: WIDTH, height: HEIGHT });
const g = canvas.getContext('2d');
function draw() {
  const now = Date.now() % 2 ** BITS;
  g.fillStyle = '#808080';
  g.fillRect(0, 0, WIDTH, HEIGHT);
  for (let i = 0; i < BITS; i++) {
    const bit = Math.floor(now / 2 ** i) % 2;
    g.fillStyle = bit ? '#fff' : '#000';
    g.fillRect(i * BLOCK, 0, BLOCK, ROW);
    g.fillStyle = bit ? '#000' : '#fff';
    g.fillRect(i * BLOCK, ROW, BLOCK, ROW);
  }
  g.fillStyle = '#000';
  g.font = '48px monospace';
  g.fillText(String(now), 20, 220);
}
async function canvasClock() {
  setInterval(draw, 1000 / 60);
  draw();
  const audio = new AudioContext();
  const tone = audio.createOscillator();
  const sink = audio.createMediaStreamDestination();
  tone.connect(sink);
  tone.start();
  return new MediaStream([
    ...canvas.captureStream(30).getVideoTracks(),
    ...sink.stream.getAudioTracks(),
  ]);
}
`;

export const publisherPage = `<!doctype html><html><body>
<script>
${canvasClockScript}
document.body.appendChild(canvas);
const webcam = () =>
  navigator.mediaDevices.getUserMedia({ video: { width: WIDTH, height: HEIGHT }, audio: true });
window.publish = async (ingestUrl, mimeType, keyFrameMs, source, firstByteAlone = false) => {
  const stream = source === 'webcam' ? await webcam() : await canvasClock();
  const socket = new WebSocket(ingestUrl);
  socket.binaryType = 'arraybuffer';
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onclose = (e) => reject(new Error('ingest closed ' + e.code + ' ' + e.reason));
  });
  // Not window.closed: that is the window's own read-only flag.
  socket.onclose = (e) => { window.ingestClosed = e.code + ' ' + e.reason; };
  const recorder = new MediaRecorder(stream, {
    mimeType,
    videoBitsPerSecond: 2_000_000,
    videoKeyFrameIntervalDuration: keyFrameMs,
  });
  // Slices are sent strictly in order: each waits for the one before it. firstByteAlone sends
  // the stream's first byte as a message of its own, as Chromium's recorder sometimes slices it.
  let sending = Promise.resolve();
  let splitNext = firstByteAlone;
  recorder.ondataavailable = (e) => {
    sending = sending.then(async () => {
      if (!e.data.size || socket.readyState !== 1) return;
      const bytes = await e.data.arrayBuffer();
      if (splitNext) socket.send(bytes.slice(0, 1));
      socket.send(splitNext ? bytes.slice(1) : bytes);
      splitNext = false;
    });
  };
  recorder.start(250);
  window.startedAt = Date.now();
  // Resolves with how long the stream ran, once its last slice is sent and the socket closed.
  window.stopPublishing = () => new Promise((resolve) => {
    recorder.onstop = async () => {
      const duration = Date.now() - window.startedAt;
      await sending;
      socket.close(1000);
      resolve(duration);
    };
    recorder.stop();
  });
  return recorder.mimeType;
};
</script></body></html>`;

export const viewerPage = `<!doctype html><html><body>
<video id="v" muted autoplay playsinline width="${WIDTH}" height="${HEIGHT}"></video>
<canvas id="c" width="${WIDTH}" height="${HEIGHT}"></canvas>
<script src="/bench/hls.js"></script>
<script>
${clockCodec}
window.samples = [];
window.unreadable = 0;
window.frames = 0;
const video = document.getElementById('v');
const g = document.getElementById('c').getContext('2d', { willReadFrequently: true });
const bitAt = (data, i, row) => {
  const x = Math.floor(i * BLOCK + BLOCK / 2), y = Math.floor(row * ROW + ROW / 2);
  return data[(y * WIDTH + x) * 4] > 128 ? 1 : 0;
};
function readClock() {
  g.drawImage(video, 0, 0, WIDTH, HEIGHT);
  const data = g.getImageData(0, 0, WIDTH, 2 * ROW).data;
  let value = 0;
  for (let i = 0; i < BITS; i++) {
    const bit = bitAt(data, i, 0);
    if (bit === bitAt(data, i, 1)) return null;
    value += bit * 2 ** i;
  }
  return value;
}
function onFrame() {
  window.frames++;
  const clock = readClock();
  if (clock === null) window.unreadable++;
  else window.samples.push((Date.now() % 2 ** BITS) - clock);
  video.requestVideoFrameCallback(onFrame);
}
window.play = (url, liveSyncDurationCount) => {
  const hls = new Hls({ liveSyncDurationCount, maxLiveSyncPlaybackRate: 1.5 });
  hls.on(Hls.Events.ERROR, (_e, d) => { if (d.fatal) window.fatal = d.type + ' ' + d.details; });
  hls.loadSource(url);
  hls.attachMedia(video);
  video.requestVideoFrameCallback(onFrame);
};
</script></body></html>`;
