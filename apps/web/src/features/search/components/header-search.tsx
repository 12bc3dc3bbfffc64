import { Group } from '@mantine/core';
import { useState } from 'react';
import type { SearchRoutes } from '../routes';
import { SavedFiltersMenu } from './saved-filters-menu';
import { SearchBox } from './search-box';

function focusSearchInput() {
  const focus = () =>
    document.querySelector<HTMLInputElement>('[data-testid="search-input"]')?.focus();
  // The closing menu hands the focus back to its button a moment later; take it after that.
  for (const delay of [0, 80, 250]) window.setTimeout(focus, delay);
}

/** The header's search box with the agent's saved filters beside it. */
export function HeaderSearch({ routes }: { routes: SearchRoutes }) {
  const [q, setQ] = useState('');
  return (
    <Group gap={6} wrap="nowrap" data-testid="header-search">
      <SearchBox routes={routes} value={q} onChange={setQ} />
      <SavedFiltersMenu
        routes={routes}
        q={q}
        onApplyQuery={(next) => {
          setQ(next);
          // A filter with search text shows its results at once.
          if (next) focusSearchInput();
        }}
      />
    </Group>
  );
}
