import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'vigil',
  primaryShade: 7,
  colors: {
    vigil: ['#eef3f8', '#dce5ee', '#b5c8dc', '#8aa9c8', '#6690b8', '#4f80ae', '#4378a9', '#1c3d5a', '#17334c', '#0f2638'],
  },
  fontFamily: 'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  headings: { fontWeight: '600' },
  defaultRadius: 'sm',
  components: {
    Table: { defaultProps: { verticalSpacing: 6, horizontalSpacing: 'sm', fz: 'sm' } },
    Badge: { defaultProps: { radius: 'sm' } },
    Modal: { defaultProps: { centered: true, overlayProps: { backgroundOpacity: 0.4 } } },
  },
});
