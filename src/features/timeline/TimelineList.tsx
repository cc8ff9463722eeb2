import { useVirtualizer } from '@tanstack/react-virtual';
import type { TFunction } from 'i18next';
import { type KeyboardEvent, memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CasePupil, CycleId, PhaseId } from '../../model/cycleTypes.ts';
import type { ObservationEvent } from '../../model/eventLog.ts';
import type { TeamId } from '../../model/ids.ts';
import type { TemplateItem } from '../../model/templates.ts';
import type { Labels } from './labels.ts';
import { RecordRow } from './RecordRow.tsx';
import {
  CLASS_ONLY,
  FREE_NOTES,
  itemKey,
  PHOTOS,
  type TimelineFilter,
  type TimelineRow,
  timelineRows,
} from './timelineRows.ts';

type Props = {
  records: readonly ObservationEvent[];
  phaseOrder: readonly PhaseId[];
  pupils: readonly CasePupil[];
  items: ReadonlyMap<string, TemplateItem>;
  labels: Labels;
  filter: TimelineFilter;
  onFilter: (filter: TimelineFilter) => void;
  teamId: TeamId;
  cycleId: CycleId;
};

type Option = { value: string; label: string };

/** Rows moved by Page Up / Page Down. */
const PAGE = 10;

/**
 * Every observer's records grouped by phase, filterable, in a virtualised
 * list: only the rows in view (plus a few) are in the DOM, so a 5,000-event
 * lesson scrolls as smoothly as a short one. One row at a time is in the tab
 * order; the arrow keys move between rows (a roving tab stop).
 */
export function TimelineList(props: Props) {
  const { records, phaseOrder, pupils, items, labels, filter, onFilter } = props;
  const { t } = useTranslation();
  const listId = useId();
  const keysId = useId();

  const options = useMemo(
    () => filterOptions(t, records, pupils, items, labels),
    [t, records, pupils, items, labels],
  );
  // A filter the data no longer offers (a stale link) shows everything rather than nothing.
  const active = useMemo<TimelineFilter>(() => {
    const valid = (value: string, list: readonly Option[]) =>
      list.some((option) => option.value === value) ? value : '';
    return {
      observer: valid(filter.observer, options.observers),
      pupil: valid(filter.pupil, options.pupils),
      item: valid(filter.item, options.items),
    };
  }, [filter, options]);
  const rows = useMemo(
    () => timelineRows(records, active, phaseOrder),
    [records, active, phaseOrder],
  );
  const shown = useMemo(() => rows.filter((row) => row.type === 'event').length, [rows]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => {
      const row = rows[index];
      if (row?.type !== 'event') return 52;
      return row.event.kind === 'photo' ? 150 : row.event.text ? 84 : 56;
    },
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 8,
    // React 19 batches the scroll updates itself; flushSync on every scroll event only costs frames.
    useFlushSync: false,
  });

  const [focusIndex, setFocusIndex] = useState(0);
  const current = Math.min(focusIndex, Math.max(0, rows.length - 1));
  const pendingFocus = useRef<number | null>(null);

  // After a keyboard move the target row may only be rendered once the list has scrolled.
  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    let frames = 0;
    let handle = 0;
    const tryFocus = () => {
      const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
      if (row) {
        row.focus({ preventScroll: true });
        pendingFocus.current = null;
      } else if (frames++ < 30) handle = requestAnimationFrame(tryFocus);
      else pendingFocus.current = null;
    };
    tryFocus();
    return () => cancelAnimationFrame(handle);
  });

  function moveTo(index: number) {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setFocusIndex(next);
    pendingFocus.current = next;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    // Keys inside a row's own controls (the photo button) belong to them.
    if (row === null || row !== event.target) return;
    // Keys pressed faster than the list scrolls count from where focus is heading, not where it is.
    const index = pendingFocus.current ?? Number(row.dataset.index);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + PAGE,
      PageUp: index - PAGE,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter' || event.key === ' ') {
      const photo = row.querySelector<HTMLButtonElement>('.photo-thumb-button');
      if (photo) {
        event.preventDefault();
        photo.click();
      }
    }
  }

  const select = (
    key: keyof TimelineFilter,
    label: string,
    all: string,
    list: readonly Option[],
  ) => (
    <div className="timeline-filter">
      <label htmlFor={`${listId}-${key}`}>{label}</label>
      <select
        id={`${listId}-${key}`}
        value={active[key]}
        onChange={(event) => onFilter({ ...active, [key]: event.target.value })}
      >
        <option value="">{all}</option>
        {list.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );

  // The tab stop must be a row in the DOM: once the current row has scrolled out of the
  // rendered window, the first row in view takes its place, so Tab still lands in the list.
  const virtualItems = virtualizer.getVirtualItems();
  const offset = virtualizer.scrollOffset ?? 0;
  const tabStop = virtualItems.some((item) => item.index === current)
    ? current
    : (virtualItems.find((item) => item.end > offset)?.index ?? current);

  const filtered = active.observer !== '' || active.pupil !== '' || active.item !== '';

  return (
    <section className="stack timeline-list" aria-labelledby={`${listId}-heading`}>
      <h2 id={`${listId}-heading`}>{t('timeline.list.heading')}</h2>
      <fieldset className="timeline-filters">
        <legend className="visually-hidden">{t('timeline.filters.label')}</legend>
        {select(
          'observer',
          t('timeline.filters.observer'),
          t('timeline.filters.allObservers'),
          options.observers,
        )}
        {select(
          'pupil',
          t('timeline.filters.pupil'),
          t('timeline.filters.allPupils'),
          options.pupils,
        )}
        {select('item', t('timeline.filters.item'), t('timeline.filters.allItems'), options.items)}
        {filtered && (
          <button
            type="button"
            className="link-button"
            onClick={() => onFilter({ observer: '', pupil: '', item: '' })}
          >
            {t('timeline.filters.clear')}
          </button>
        )}
      </fieldset>
      <p className="muted small" role="status" data-testid="timeline-shown">
        {t('timeline.list.shown', { count: shown, total: records.length })}
      </p>
      {rows.length === 0 ? (
        <p className="empty-state">{t('timeline.list.none')}</p>
      ) : (
        <>
          <p id={keysId} className="visually-hidden">
            {t('timeline.list.keys')}
          </p>
          <div ref={scrollRef} className="timeline-scroll" data-testid="timeline-scroll">
            <ul
              className="timeline-rows"
              aria-label={t('timeline.list.label')}
              aria-describedby={keysId}
              style={{ height: virtualizer.getTotalSize() }}
              onKeyDown={onKeyDown}
            >
              {virtualItems.map((item) => {
                const row = rows[item.index];
                return row ? (
                  <RowItem
                    key={item.key}
                    row={row}
                    index={item.index}
                    start={item.start}
                    setSize={rows.length}
                    tabStop={item.index === tabStop}
                    measure={virtualizer.measureElement}
                    onFocusRow={setFocusIndex}
                    labels={labels}
                    teamId={props.teamId}
                    cycleId={props.cycleId}
                  />
                ) : null;
              })}
            </ul>
          </div>
        </>
      )}
    </section>
  );
}

type RowItemProps = {
  row: TimelineRow;
  index: number;
  start: number;
  setSize: number;
  /** The one row in the tab order (roving tab stop). */
  tabStop: boolean;
  measure: (element: Element | null) => void;
  onFocusRow: (index: number) => void;
  labels: Labels;
  teamId: TeamId;
  cycleId: CycleId;
};

/**
 * One row of the virtual list. Memoised: the list re-renders on every scroll
 * frame, and only rows whose position or content changed need to.
 */
const RowItem = memo(function RowItem({
  row,
  index,
  start,
  setSize,
  tabStop,
  measure,
  onFocusRow,
  labels,
  teamId,
  cycleId,
}: RowItemProps) {
  const { t } = useTranslation();
  return (
    <li
      ref={measure}
      data-index={index}
      className={row.type === 'phase' ? 'timeline-phase' : 'timeline-record'}
      style={{ transform: `translateY(${start}px)` }}
      tabIndex={tabStop ? 0 : -1}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocusRow(index);
      }}
      data-phase-id={row.type === 'phase' ? (row.phaseId ?? '') : undefined}
      data-observer={row.type === 'event' ? row.event.observer : undefined}
    >
      {row.type === 'phase' ? (
        <>
          <h3 className="timeline-phase-title">{labels.phase(row.phaseId)}</h3>
          <span className="muted small">{t('timeline.list.phaseCount', { count: row.count })}</span>
        </>
      ) : (
        <RecordRow event={row.event} labels={labels} teamId={teamId} cycleId={cycleId} />
      )}
    </li>
  );
});

function filterOptions(
  t: TFunction,
  records: readonly ObservationEvent[],
  pupils: readonly CasePupil[],
  items: ReadonlyMap<string, TemplateItem>,
  labels: Labels,
): { observers: Option[]; pupils: Option[]; items: Option[] } {
  const observerIds = new Set(records.map((event) => event.observer as string));
  const observers = [...observerIds]
    .map((id) => ({ value: id, label: labels.member(id as ObservationEvent['observer']) }))
    .sort((a, b) => a.label.localeCompare(b.label));

  const pupilIds = new Set<string>();
  let classOnly = false;
  const itemIds = new Set<string>();
  for (const event of records) {
    if (event.pupilId === undefined) classOnly = true;
    else pupilIds.add(event.pupilId);
    itemIds.add(itemKey(event));
  }
  const known = pupils.filter((pupil) => pupilIds.has(pupil.id));
  const unknown = [...pupilIds].filter((id) => !pupils.some((pupil) => pupil.id === id));
  const pupilOptions: Option[] = [
    ...known.map((pupil) => ({ value: pupil.id as string, label: pupil.pseudonym })),
    ...unknown.map((id) => ({ value: id, label: labels.pupil(id) })),
    ...(classOnly ? [{ value: CLASS_ONLY, label: t('timeline.filters.wholeClass') }] : []),
  ];

  const inTemplate = [...items.keys()].filter((id) => itemIds.has(id));
  const outside = [...itemIds].filter((id) => !items.has(id) && id !== FREE_NOTES && id !== PHOTOS);
  const itemOptions: Option[] = [
    ...inTemplate.map((id) => ({
      value: id,
      label: labels.itemLabel({ itemId: id, kind: 'note' }),
    })),
    // Items the run's kijkwijzer copy does not name are told apart by their id.
    ...outside.map((id) => ({ value: id, label: `${t('describe.unknownItem')} (${id})` })),
    ...(itemIds.has(FREE_NOTES)
      ? [{ value: FREE_NOTES, label: t('timeline.filters.freeNotes') }]
      : []),
    ...(itemIds.has(PHOTOS) ? [{ value: PHOTOS, label: t('timeline.filters.photos') }] : []),
  ];
  return { observers, pupils: pupilOptions, items: itemOptions };
}
