import type { ComponentType, ReactNode } from 'react';

/** The navbar group an entry is listed under. */
export type NavSection = 'administration' | 'you';

export type NavEntry = {
  /** Names the entry's test id: `nav-${key}`. */
  key: string;
  label: string;
  icon: ComponentType<{ size?: number | string }>;
  section: NavSection;
};

type RouteBase = {
  /** Absolute: '/users'. */
  path: string;
  element: ReactNode;
};

/** A page inside the signed-in layout: the viewer is loaded, the page's permission is checked. */
export type SignedInRoute = RouteBase & {
  public?: false;
  /** The permission the page's data needs; null for pages every signed-in person has. */
  requires: string | null;
  /** The page's navbar entry, or null when it is reached another way. */
  nav: NavEntry | null;
};

/** A page outside the signed-in layout (sign-in): no session, no viewer, no navbar entry. */
export type PublicRoute = RouteBase & { public: true };

/** One console page, declared once in the routes.tsx of the module that owns it. */
export type ConsoleRoute = SignedInRoute | PublicRoute;
