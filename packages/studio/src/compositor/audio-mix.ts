// The studio's sound: every input's audio (the host's microphone, a shared tab's sound, the
// guests) mixed with Web Audio into one track. A muted input, or a disabled track, adds silence.

export interface AudioMixInput {
  id: string;
  stream: MediaStream;
  muted?: boolean;
}

interface Source {
  trackId: string;
  node: MediaStreamAudioSourceNode;
  gain: GainNode;
}

export interface AudioMix {
  readonly track: MediaStreamTrack;
  update(inputs: readonly AudioMixInput[]): void;
  /** Starts the mix when the browser held it back until the host interacted with the page. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

export function createAudioMix(): AudioMix {
  const context = new AudioContext({ latencyHint: 'playback' });
  const destination = context.createMediaStreamDestination();
  // Silence always flows, even with no input that has sound: a recorder whose audio track
  // delivers nothing waits for it and stops sending video too.
  const silence = context.createConstantSource();
  silence.offset.value = 0;
  silence.connect(destination);
  silence.start();
  const sources = new Map<string, Source>();

  const remove = (id: string) => {
    const source = sources.get(id);
    source?.node.disconnect();
    source?.gain.disconnect();
    sources.delete(id);
  };

  return {
    track: destination.stream.getAudioTracks()[0]!,
    update(inputs) {
      // Made before the camera opened, the context may have been held back by the autoplay
      // rules; a page that captures may start it.
      if (context.state === 'suspended') void context.resume().catch(() => {});
      const wanted = new Set<string>();
      for (const input of inputs) {
        const track = input.stream.getAudioTracks()[0];
        if (!track) continue;
        wanted.add(input.id);
        let source = sources.get(input.id);
        if (source?.trackId !== track.id) {
          remove(input.id);
          const node = context.createMediaStreamSource(new MediaStream([track]));
          const gain = context.createGain();
          node.connect(gain).connect(destination);
          source = { trackId: track.id, node, gain };
          sources.set(input.id, source);
        }
        source.gain.gain.value = input.muted ? 0 : 1;
      }
      for (const id of [...sources.keys()]) if (!wanted.has(id)) remove(id);
    },
    async resume() {
      if (context.state === 'suspended') await context.resume();
    },
    async stop() {
      for (const id of [...sources.keys()]) remove(id);
      silence.stop();
      silence.disconnect();
      destination.stream.getTracks().forEach((track) => track.stop());
      if (context.state !== 'closed') await context.close();
    },
  };
}
