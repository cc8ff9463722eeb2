import type { ReactNode } from 'react';
import { Link, useRoute } from 'wouter';

/** A header link that tells assistive technology which section is open. */
export function NavLink({
  href,
  match,
  children,
}: {
  href: string;
  match: string | RegExp;
  children: ReactNode;
}) {
  const [active] = useRoute(match);
  return (
    <Link href={href} aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  );
}
