import { Mark } from '@mantine/core';

/** A snippet with its matches in <mark> (Mantine's Mark: readable in light and dark). */
export function Highlighted({ text, marks }: { text: string; marks: [number, number][] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  marks.forEach(([s, e], i) => {
    if (s > at) parts.push(text.slice(at, s));
    parts.push(<Mark key={i}>{text.slice(s, e)}</Mark>);
    at = e;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
