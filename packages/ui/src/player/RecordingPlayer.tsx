// A recording plays as a plain file: the browser's own player seeks it with Range requests; its
// poster (a frame of the recording) shows until it plays.
import { VIDEO_STYLE, VideoFrame } from './VideoFrame.tsx';

export function RecordingPlayer(props: { url: string; title: string; poster?: string }) {
  return (
    <VideoFrame>
      <video
        aria-label={`Recording: ${props.title}`}
        data-testid="recording-player"
        src={props.url}
        poster={props.poster}
        controls
        playsInline
        preload="metadata"
        style={VIDEO_STYLE}
      />
    </VideoFrame>
  );
}
