import { createTheme } from '@mui/material/styles';

const focusRing = { outline: '3px solid #e8a33d', outlineOffset: '2px' };

/** A calm, professional theme: deep teal-blue primary, quiet greys, clear keyboard focus. */
export const theme = createTheme({
  palette: {
    mode: 'light',
    primary: { main: '#1f5f7a', contrastText: '#ffffff' },
    secondary: { main: '#3f7f6b' },
    error: { main: '#b3261e' },
    background: { default: '#f4f6f8', paper: '#ffffff' },
    text: { primary: '#1c2b33', secondary: '#52646e' },
  },
  shape: { borderRadius: 8 },
  typography: {
    fontFamily: '"Inter", "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
    h4: { fontSize: '1.6rem', fontWeight: 600 },
    h5: { fontSize: '1.3rem', fontWeight: 600 },
    h6: { fontSize: '1.1rem', fontWeight: 600 },
    button: { textTransform: 'none', fontWeight: 600 },
  },
  components: {
    MuiCssBaseline: {
      styleOverrides: {
        // A visible focus ring for keyboard users on every interactive element (WCAG 2.4.7).
        // Not on elements only scripts focus (tabindex -1: the skip link's <main>, a dialog's paper). Text fields and
        // selects show focus with MUI's thicker primary-colour border (a ring would cross their floating label).
        'a:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible, select:focus-visible, [tabindex]:not([tabindex="-1"]):focus-visible, [role="button"]:focus-visible, [role="menuitem"]:focus-visible':
          focusRing,
        '.Mui-focusVisible': focusRing,
        // required mark drawn by CSS so it is not part of the label text (see TextInput)
        // (empty alternative text after the slash keeps it out of the accessible name)
        '.mutua-required::after': { content: '"\\2009*" / ""' },
      },
    },
    MuiAppBar: { defaultProps: { elevation: 0 } },
    MuiButton: { defaultProps: { disableElevation: true } },
    MuiPaper: { styleOverrides: { outlined: { borderColor: '#dde3e8' } } },
  },
});
