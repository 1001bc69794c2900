import Button, { type ButtonProps } from '@mui/material/Button';
import MuiLink, { type LinkProps as MuiLinkProps } from '@mui/material/Link';
import { createLink, useNavigate, useParams } from '@tanstack/react-router';
import { forwardRef } from 'react';

/** Path parameters of the current route (e.g. `{ id }` for `/admin/users/$id`). */
export function useRouteParams(): Record<string, string> {
  return useParams({ strict: false }) as Record<string, string>;
}

/** Navigates to a path (with optional search params), e.g. `go('/admin/users')`. */
export function useGo(): (to: string, search?: Record<string, string>) => void {
  const navigate = useNavigate();
  return (to, search) => {
    void navigate({ to, ...(search ? { search } : {}) });
  };
}

const ButtonAnchor = forwardRef<HTMLAnchorElement, ButtonProps<'a'>>(function ButtonAnchor(props, ref) {
  return <Button component="a" ref={ref} {...props} />;
});
const LinkAnchor = forwardRef<HTMLAnchorElement, MuiLinkProps>(function LinkAnchor(props, ref) {
  return <MuiLink ref={ref} {...props} />;
});

/** An MUI Button that is a router link (`<LinkButton to="/admin/users/new">Add</LinkButton>`). */
export const LinkButton = createLink(ButtonAnchor);
/** An MUI Link that is a router link. */
export const RouterLink = createLink(LinkAnchor);
