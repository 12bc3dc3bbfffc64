import { useComputedColorScheme, useMantineColorScheme } from '@mantine/core';

/** Light/dark switch that starts from the OS preference and remembers an explicit choice. */
export function useColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: false });
  return {
    isDark: computed === 'dark',
    toggle: () => setColorScheme(computed === 'dark' ? 'light' : 'dark'),
  };
}
