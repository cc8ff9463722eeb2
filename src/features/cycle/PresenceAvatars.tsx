import { useTranslation } from 'react-i18next';
import type { PresenceEntry } from '../../sync/presence.ts';

/** Initials of a display name: "Sanne de Vries" → "SV". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** Who has this cycle open right now (self first), one colored circle each. */
export function PresenceAvatars({ presence }: { presence: readonly PresenceEntry[] }) {
  const { t } = useTranslation();
  if (presence.length === 0) return null;
  return (
    <ul className="avatars" aria-label={t('cycle.page.presence')}>
      {presence.map((entry) => {
        const name = entry.isSelf ? t('cycle.page.presenceSelf', { name: entry.name }) : entry.name;
        return (
          <li
            key={entry.clientId}
            className={`avatar ${entry.isSelf ? 'is-self' : ''}`}
            style={{ backgroundColor: entry.color }}
            title={name}
          >
            <span aria-hidden="true">{initials(entry.name)}</span>
            <span className="visually-hidden">{name}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** "Sanne is writing here": colleagues whose presence focus is `path`. */
export function FocusChips({
  presence,
  path,
}: {
  presence: readonly PresenceEntry[];
  path: string;
}) {
  const { t } = useTranslation();
  const here = presence.filter((entry) => !entry.isSelf && entry.focus === path);
  if (here.length === 0) return null;
  return (
    <p className="focus-chips" aria-live="polite">
      {here.map((entry) => (
        <span key={entry.clientId} className="focus-chip" style={{ borderColor: entry.color }}>
          <span className="focus-chip-dot" style={{ backgroundColor: entry.color }} />
          {t('cycle.page.editingHere', { name: entry.name })}
        </span>
      ))}
    </p>
  );
}
