// A picture in a fixed 16:9 frame: the image, or a neutral placeholder (a word, hidden from
// screen readers) when there is none or it failed to load.
import { AspectRatio, Center, Text } from '@mantine/core';
import { useState } from 'react';
import classes from './PosterImage.module.css';

const pathOf = (url: string) => new URL(url, window.location.href).pathname;

/**
 * A recording's poster URL carries a token signed anew on every read: this keeps the URL first
 * seen while the path stays the same, so a list refreshing does not load the same picture again.
 */
export function useSteadyUrl(url: string | null): string | null {
  const [kept, setKept] = useState(url);
  if (url !== kept && (!url || !kept || pathOf(url) !== pathOf(kept))) {
    setKept(url);
    return url;
  }
  return kept;
}

export function PosterImage(props: {
  src: string | null;
  alt: string;
  placeholder: string;
  className?: string;
}) {
  const { src } = props;
  const [failed, setFailed] = useState<string | null>(null);
  const shown = src && failed !== src ? src : null;
  return (
    <AspectRatio ratio={16 / 9} className={`${classes.frame} ${props.className ?? ''}`}>
      {shown ? (
        <img
          src={shown}
          alt={props.alt}
          loading="lazy"
          className={classes.image}
          onError={() => setFailed(shown)}
        />
      ) : (
        <Center aria-hidden="true" className={classes.placeholder}>
          <Text size="sm" c="dimmed" fw={500}>
            {props.placeholder}
          </Text>
        </Center>
      )}
    </AspectRatio>
  );
}
