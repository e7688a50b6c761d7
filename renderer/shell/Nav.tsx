import type { Role } from '../../shared/roles';
import { useT } from '../i18n';
import { hashFor, navFor, type RouteDef, type RouteId } from './routes';

/** the left menu: only what the role may open, grouped as the offices think of it */
export function Nav({ role, current }: { role: Role; current: RouteId | null }) {
  const t = useT();
  const items = navFor(role);
  const groups: { group: RouteDef['group']; items: RouteDef[] }[] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last.group === item.group) last.items.push(item);
    else groups.push({ group: item.group, items: [item] });
  }
  return (
    <nav className="app-nav" aria-label={t('shell.nav')} data-testid="app-nav">
      {groups.map((g) => (
        <div key={g.group} className="nav-group">
          <div className="nav-group-title">{t(g.group)}</div>
          <ul>
            {g.items.map((item) => (
              <li key={item.id}>
                <a href={hashFor(item.id)} aria-current={item.id === current ? 'page' : undefined} data-testid={`nav-${item.id}`}>
                  {t(item.label)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
