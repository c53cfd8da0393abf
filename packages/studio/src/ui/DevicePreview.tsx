// The camera's live preview (or, given `preview`, the composited picture the viewers see) with
// the camera and microphone pickers; when the devices cannot be opened, the reason and a way to
// try again instead of a blank video.
import { Alert, Button, Select, SimpleGrid, Skeleton, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import type { useDevices } from './use-devices.ts';

type Devices = ReturnType<typeof useDevices>;

const options = (devices: MediaDeviceInfo[], fallback: string) =>
  devices.map((device, index) => ({
    value: device.deviceId,
    label: device.label || `${fallback} ${index + 1}`,
  }));

export function DevicePreview({
  devices,
  locked,
  preview,
}: {
  devices: Devices;
  locked?: boolean;
  /** What to show instead of the bare camera (the compositor's output, once there is one). */
  preview?: MediaStream | null;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const { state, lists, selected, choose, retry } = devices;
  const camera = state.status === 'ready' ? state.stream : null;
  const stream = camera && (preview ?? camera);

  useEffect(() => {
    if (video.current && video.current.srcObject !== stream) video.current.srcObject = stream;
  }, [stream]);

  return (
    <Stack gap="sm">
      {state.status === 'error' ? (
        <Alert
          color="red"
          icon={<IconAlertTriangle />}
          title="Camera and microphone unavailable"
          role="alert"
        >
          <Stack gap="xs" align="flex-start">
            {state.message}
            <Button variant="light" color="red" size="xs" onClick={retry}>
              Try again
            </Button>
          </Stack>
        </Alert>
      ) : (
        <div
          style={{
            position: 'relative',
            aspectRatio: '16 / 9',
            background: '#000',
            borderRadius: 8,
            overflow: 'hidden',
          }}
        >
          {state.status === 'opening' && (
            <Skeleton pos="absolute" inset={0} aria-label="Opening the camera" />
          )}
          <video
            ref={video}
            data-testid="studio-preview"
            aria-label={preview ? 'Studio preview' : 'Camera preview'}
            muted
            autoPlay
            playsInline
            style={{ width: '100%', height: '100%', objectFit: 'contain', display: 'block' }}
          />
        </div>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Select
          label="Camera"
          data={options(lists.cameras, 'Camera')}
          value={selected.cameraId}
          onChange={(value) => value && choose({ cameraId: value })}
          disabled={locked || lists.cameras.length === 0}
          allowDeselect={false}
        />
        <Select
          label="Microphone"
          data={options(lists.mics, 'Microphone')}
          value={selected.micId}
          onChange={(value) => value && choose({ micId: value })}
          disabled={locked || lists.mics.length === 0}
          allowDeselect={false}
        />
      </SimpleGrid>
    </Stack>
  );
}
