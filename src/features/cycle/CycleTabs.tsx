import { type KeyboardEvent, useRef } from 'react';

export type TabDef<K extends string> = { readonly id: K; readonly label: string };

type Props<K extends string> = {
  readonly label: string;
  readonly tabs: readonly TabDef<K>[];
  readonly selected: K;
  readonly onSelect: (id: K) => void;
  /** Prefix for the ids of tabs (`<prefix>-tab-<id>`) and panels (`<prefix>-panel-<id>`). */
  readonly idPrefix: string;
};

export const tabId = (prefix: string, id: string) => `${prefix}-tab-${id}`;
export const panelId = (prefix: string, id: string) => `${prefix}-panel-${id}`;

/**
 * An accessible tablist (WAI-ARIA tabs pattern, automatic activation):
 * one tab in the tab order, arrow keys move between tabs, Home/End jump.
 */
export function CycleTabs<K extends string>({
  label,
  tabs,
  selected,
  onSelect,
  idPrefix,
}: Props<K>) {
  const refs = useRef(new Map<K, HTMLButtonElement>());

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((tab) => tab.id === selected);
    let next = -1;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp')
      next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    const tab = tabs[next];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.id);
    refs.current.get(tab.id)?.focus();
  }

  return (
    <div role="tablist" aria-label={label} className="cycle-tabs" onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          ref={(element) => {
            if (element) refs.current.set(tab.id, element);
            else refs.current.delete(tab.id);
          }}
          type="button"
          role="tab"
          id={tabId(idPrefix, tab.id)}
          aria-selected={tab.id === selected}
          aria-controls={panelId(idPrefix, tab.id)}
          tabIndex={tab.id === selected ? 0 : -1}
          className="cycle-tab"
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
