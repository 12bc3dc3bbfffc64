import { Highlight, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** Words of the query, for highlighting when the API sends no match offsets. */
export function queryTerms(q: string): string[] {
  return q
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/["'*:()&|!-]/g, ''))
    .filter((word) => word.length > 0);
}

interface HighlightedSnippetProps {
  snippet: string;
  /** [start, end) offsets from the API: stemmed matches ("pedidos" for "pedido") light up too. */
  highlights?: [number, number][];
  q: string;
}

/** A search snippet with its matches marked. */
export function HighlightedSnippet({ snippet, highlights, q }: HighlightedSnippetProps) {
  if (!highlights?.length) {
    return (
      <Highlight highlight={queryTerms(q)} size="sm" lineClamp={2} data-testid="search-snippet">
        {snippet}
      </Highlight>
    );
  }
  const parts: ReactNode[] = [];
  let last = 0;
  for (const [start, end] of [...highlights].sort((a, b) => a[0] - b[0])) {
    if (start < last || end <= start) continue;
    if (start > last) parts.push(snippet.slice(last, start));
    parts.push(
      <mark key={start} data-testid="search-match">
        {snippet.slice(start, end)}
      </mark>,
    );
    last = end;
  }
  parts.push(snippet.slice(last));
  return (
    <Text size="sm" lineClamp={2} data-testid="search-snippet">
      {parts}
    </Text>
  );
}
