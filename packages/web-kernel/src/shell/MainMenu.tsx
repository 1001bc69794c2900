import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Menu from '@mui/material/Menu';
import MenuItemComponent, { type MenuItemProps } from '@mui/material/MenuItem';
import { createLink } from '@tanstack/react-router';
import { forwardRef, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthProvider';
import { useContributions } from '../contributions/ContributionsProvider';
import { type MenuGroup, type MenuItem, mainMenu } from '../contributions/core-points';
import { visibleMenu } from './visible-menu';

const AnchorMenuItem = forwardRef<HTMLAnchorElement, MenuItemProps<'a'>>(function AnchorMenuItem(props, ref) {
  return <MenuItemComponent component="a" ref={ref} {...props} />;
});
const LinkMenuItem = createLink(AnchorMenuItem);

function GroupMenu({
  group,
  items,
  onLogout,
}: {
  group: MenuGroup;
  items: MenuItem[];
  onLogout: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const id = useId();
  const open = anchor !== null;
  const close = () => setAnchor(null);
  return (
    <>
      <Button
        color="inherit"
        id={`${id}-button`}
        aria-haspopup="menu"
        aria-controls={open ? `${id}-menu` : undefined}
        aria-expanded={open ? 'true' : undefined}
        onClick={(e) => setAnchor(e.currentTarget)}
        endIcon={<span aria-hidden="true">▾</span>}
      >
        {t(`core.menuGroup.${group}`)}
      </Button>
      <Menu
        id={`${id}-menu`}
        anchorEl={anchor}
        open={open}
        onClose={close}
        slotProps={{ list: { 'aria-labelledby': `${id}-button` } }}
      >
        {items.map((item) => (
          <LinkMenuItem key={item.id} to={item.to} onClick={close} data-menu-id={item.id}>
            {t(item.label)}
          </LinkMenuItem>
        ))}
        {onLogout ? <Divider /> : null}
        {onLogout ? (
          <MenuItemComponent
            onClick={() => {
              close();
              onLogout();
            }}
          >
            {t('core.auth.logout')}
          </MenuItemComponent>
        ) : null}
      </Menu>
    </>
  );
}

/** The app bar's menus: one button per group that has an item the user may see; Profile also offers Logout. */
export function MainMenu({ onLogout }: { onLogout?: () => void }) {
  const { t } = useTranslation();
  const { hasRight } = useAuth();
  const items = useContributions(mainMenu);
  const groups = visibleMenu(items, hasRight);
  if (onLogout && !groups.some((g) => g.group === 'profile')) groups.push({ group: 'profile', items: [] });
  return (
    <nav aria-label={t('core.menu.label')} style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
      {groups.map((g) => (
        <GroupMenu
          key={g.group}
          group={g.group}
          items={g.items}
          onLogout={g.group === 'profile' ? onLogout : undefined}
        />
      ))}
    </nav>
  );
}
