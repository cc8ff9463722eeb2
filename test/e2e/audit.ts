/**
 * The tablet quality bar of every screen, measured in a real browser: axe-core
 * (serious and critical violations of WCAG 2.0/2.1 A and AA), horizontal
 * overflow, and touch targets under 44×44 CSS px. `auditScreen` measures the
 * page as it is now; the formatters turn the findings into a failure message a
 * developer can fix everything from, and into a Markdown report deduplicated
 * across viewports and languages.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const MIN_TARGET = 44;
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

export interface Viewport {
  readonly name: string;
  readonly width: number;
  readonly height: number;
}

/** The two tablet sizes of the quality bar: landscape and portrait. */
export const TABLET_VIEWPORTS: readonly Viewport[] = [
  { name: '1024×768', width: 1024, height: 768 },
  { name: '768×1024', width: 768, height: 1024 },
];

export interface AxeNodeFinding {
  /** axe's selector of the node. */
  target: string;
  /** The node's outer HTML, shortened. */
  html: string;
  /** What axe says is wrong with this node (its first failing check). */
  message: string;
}

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  helpUrl: string;
  nodes: AxeNodeFinding[];
}

/** An element that sticks out past the right edge of the viewport. */
export interface Protrusion {
  selector: string;
  /** The selector without positions (`:nth-of-type`), for grouping. */
  kind: string;
  description: string;
  left: number;
  right: number;
  width: number;
  /** The right edge of its parent. */
  parentRight: number;
}

export interface OverflowFinding {
  scrollWidth: number;
  innerWidth: number;
  /** Elements that stick out past the viewport and past their parent's right edge: where the overflow escapes. */
  escaping: Protrusion[];
  /** Innermost elements that stick out (no child does) and do not merely fill their parent: what is too wide. */
  innermost: Protrusion[];
}

export interface SmallTarget {
  selector: string;
  /** The selector without positions (`:nth-of-type`), for grouping repeated rows. */
  kind: string;
  /** Tag, role and accessible name, e.g. `button "Fase 2 omhoog"`. */
  description: string;
  width: number;
  height: number;
}

export interface ScreenAudit {
  screen: string;
  viewport: string;
  language: string;
  axe: AxeFinding[];
  overflow: OverflowFinding | null;
  targets: SmallTarget[];
  /** Links left out of the touch-target check as inline text links (not findings: for review). */
  inlineLinks: string[];
}

export function findingCount(audit: ScreenAudit): number {
  return audit.axe.length + (audit.overflow ? 1 : 0) + audit.targets.length;
}

/** Waits until the page has laid out after a resize or a render (two animation frames, fonts loaded). */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise<void>((resolve) => {
      requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
    });
  });
}

/** Measures the page as it is now (at its current viewport). */
export async function auditScreen(
  page: Page,
  where: { screen: string; viewport: string; language: string },
): Promise<ScreenAudit> {
  const results = await new AxeBuilder({ page })
    .withTags([...AXE_TAGS])
    // No iframes in the app: the in-page run is enough and needs no extra blank page.
    .setLegacyMode(true)
    // Only violations are read: axe then keeps one node of each passing rule, not all of them.
    .options({ resultTypes: ['violations'] })
    .analyze();
  const severe = (impact: string | null | undefined) =>
    impact === 'serious' || impact === 'critical';
  const axe = results.violations
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      helpUrl: violation.helpUrl,
      // A rule's impact is its worst node's: keep only the nodes that are serious or critical themselves.
      nodes: violation.nodes
        .filter((node) => severe(node.impact))
        .map((node) => {
          const check = [...node.any, ...node.all, ...node.none][0];
          return {
            target: node.target.map(String).join(' '),
            html: shorten(node.html, 240),
            message: shorten(check?.message ?? node.failureSummary ?? '', 300),
          };
        }),
    }))
    .filter((violation) => severe(violation.impact) && violation.nodes.length > 0);
  const { overflow, targets, inlineLinks } = await page.evaluate(measureLayout, MIN_TARGET);
  return { ...where, axe, overflow, targets, inlineLinks };
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * Runs in the page: horizontal overflow and touch targets. Self-contained (it is
 * serialised into the page), so every helper lives inside it.
 */
function measureLayout(minTarget: number): {
  overflow: OverflowFinding | null;
  targets: SmallTarget[];
  inlineLinks: string[];
} {
  const round = (value: number) => Math.round(value * 10) / 10;
  const style = (element: Element) => getComputedStyle(element);

  /** A readable CSS path: up to an element with an id or test id, at most five steps. */
  const pathOf = (element: Element, withPositions: boolean): string => {
    const steps: string[] = [];
    let current: Element | null = element;
    while (current && current !== document.body && steps.length < 5) {
      const testId = current.getAttribute('data-testid');
      const id = current.id;
      if (testId) {
        steps.unshift(`[data-testid="${testId}"]`);
        break;
      }
      if (id && /^[A-Za-z][\w-]*$/.test(id)) {
        steps.unshift(`#${id}`);
        break;
      }
      let step = current.tagName.toLowerCase();
      const classes = [...current.classList].slice(0, 2);
      if (classes.length > 0) step += `.${classes.join('.')}`;
      const parent: Element | null = current.parentElement;
      if (withPositions && parent) {
        const tag = current.tagName;
        const same = [...parent.children].filter((child) => child.tagName === tag);
        if (same.length > 1) step += `:nth-of-type(${same.indexOf(current) + 1})`;
      }
      steps.unshift(step);
      current = parent;
    }
    return steps.join(' > ');
  };

  const textOf = (element: Element | null | undefined) =>
    (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

  /** An approximation of the accessible name, enough to recognise the element. */
  const nameOf = (element: Element): string => {
    const label = element.getAttribute('aria-label');
    if (label) return label;
    const labelledBy = element.getAttribute('aria-labelledby');
    if (labelledBy) {
      const text = labelledBy
        .split(/\s+/)
        .map((id) => textOf(document.getElementById(id)))
        .join(' ')
        .trim();
      if (text) return text;
    }
    if (
      element instanceof HTMLInputElement ||
      element instanceof HTMLSelectElement ||
      element instanceof HTMLTextAreaElement
    ) {
      const labels = [...(element.labels ?? [])].map(textOf).join(' ').trim();
      if (labels) return labels;
      if ('placeholder' in element && element.placeholder) return element.placeholder;
    }
    return textOf(element) || element.getAttribute('title') || '';
  };

  const describe = (element: Element): string => {
    const tag = element.tagName.toLowerCase();
    const role = element.getAttribute('role');
    const type = element instanceof HTMLInputElement ? `[type=${element.type}]` : '';
    const name = nameOf(element);
    const short = name.length > 70 ? `${name.slice(0, 69)}…` : name;
    return `${tag}${type}${role ? `[role=${role}]` : ''} "${short}"`;
  };

  /** Inside a visually hidden ("sr-only") container, or one itself. */
  const visuallyHidden = (element: Element): boolean => {
    for (let node: Element | null = element; node; node = node.parentElement) {
      if (node.classList.contains('visually-hidden') || node.classList.contains('sr-only')) {
        return true;
      }
      const css = style(node);
      if (css.clip === 'rect(0px, 0px, 0px, 0px)' || css.clipPath === 'inset(50%)') return true;
      if (css.position === 'absolute' && css.overflow === 'hidden') {
        const box = node.getBoundingClientRect();
        if (box.width <= 1 && box.height <= 1) return true;
      }
    }
    return false;
  };

  const shown = (element: Element): boolean => {
    if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    if (element.closest('[inert]')) return false;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    // Parked off the page until focused (a skip link): not a target while hidden.
    if (box.right + window.scrollX <= 0 || box.bottom + window.scrollY <= 0) return false;
    return !visuallyHidden(element);
  };

  const disabled = (element: Element): boolean =>
    element.matches(':disabled') || element.closest('[aria-disabled="true"]') !== null;

  const isInlineDisplay = (element: Element) => {
    const display = style(element).display;
    return display === 'inline' || display === 'contents';
  };

  /**
   * A link in running text: it is laid out inline, and the block it sits in has
   * other visible words beside it in the same line box flow. A link alone in its
   * container (or a flex/grid item, which is blockified) is a target like any other.
   */
  const inlineTextLink = (link: Element): boolean => {
    if (link.tagName !== 'A' || style(link).display !== 'inline') return false;
    let block = link.parentElement;
    while (block && isInlineDisplay(block)) block = block.parentElement;
    if (!block) return false;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (link.contains(node) || !/[\p{L}\p{N}]/u.test(node.textContent ?? '')) continue;
      const parent = node.parentElement;
      if (!parent?.checkVisibility() || visuallyHidden(parent)) continue;
      // Only text in the same inline flow: not in a nested block (a paragraph below the link).
      let ancestor: Element | null = parent;
      while (ancestor && ancestor !== block && isInlineDisplay(ancestor)) {
        ancestor = ancestor.parentElement;
      }
      if (ancestor === block) return true;
    }
    return false;
  };

  /** Where a user taps to use `element`: a checkbox's, radio's or file input's label, else itself. */
  const tapTarget = (element: Element): Element | null => {
    if (
      element instanceof HTMLInputElement &&
      ['checkbox', 'radio', 'file'].includes(element.type)
    ) {
      const labels = [...(element.labels ?? [])].filter(shown);
      const label = labels.find((candidate) => candidate.contains(element)) ?? labels[0];
      if (label) return label;
    }
    return shown(element) ? element : null;
  };

  const INTERACTIVE = [
    'button',
    'a[href]',
    'input:not([type="hidden"])',
    'select',
    'textarea',
    'summary',
    '[role="button"]',
    '[role="tab"]',
    '[role="checkbox"]',
    '[role="radio"]',
    '[role="switch"]',
    '[role="menuitem"]',
  ].join(', ');

  const targets: SmallTarget[] = [];
  const inlineLinks: string[] = [];
  const measured = new Set<Element>();
  for (const element of document.body.querySelectorAll(INTERACTIVE)) {
    if (disabled(element)) continue;
    const target = tapTarget(element);
    if (!target || measured.has(target)) continue;
    measured.add(target);
    if (inlineTextLink(target)) {
      inlineLinks.push(`${describe(target)} in ${pathOf(target.parentElement ?? target, false)}`);
      continue;
    }
    const box = target.getBoundingClientRect();
    // A hair of tolerance for sub-pixel rounding of a box meant to be exactly 44.
    if (box.width + 0.05 >= minTarget && box.height + 0.05 >= minTarget) continue;
    targets.push({
      selector: pathOf(target, true),
      kind: pathOf(target, false),
      description:
        target === element ? describe(element) : `${describe(target)} for ${describe(element)}`,
      width: round(box.width),
      height: round(box.height),
    });
  }

  let overflow: OverflowFinding | null = null;
  const innerWidth = window.innerWidth;
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth > innerWidth) {
    const edge = innerWidth + 0.5;
    /** Clipped by a scrolling or hidden-overflow ancestor, or fixed: cannot widen the page. */
    const contained = (element: Element): boolean => {
      for (
        let node = element.parentElement;
        node && node !== document.body;
        node = node.parentElement
      ) {
        const css = style(node);
        if (css.overflowX !== 'visible') return true;
        if (css.position === 'fixed') return true;
      }
      return style(element).position === 'fixed';
    };
    const sticksOut = (element: Element): boolean => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.right + window.scrollX > edge && element.checkVisibility();
    };
    const parentBox = (element: Element) =>
      (element.parentElement ?? document.documentElement).getBoundingClientRect();
    const protrusion = (element: Element): Protrusion => {
      const box = element.getBoundingClientRect();
      return {
        selector: pathOf(element, true),
        kind: pathOf(element, false),
        description: describe(element),
        left: round(box.left + window.scrollX),
        right: round(box.right + window.scrollX),
        width: round(box.width),
        parentRight: round(parentBox(element).right + window.scrollX),
      };
    };
    const out = [...document.body.querySelectorAll('*')].filter(
      (element) => sticksOut(element) && !contained(element),
    );
    const outSet = new Set(out);
    const escaping = out.filter(
      (element) => element.getBoundingClientRect().right > parentBox(element).right + 0.5,
    );
    const fillsParent = (element: Element) => {
      const box = element.getBoundingClientRect();
      const parent = parentBox(element);
      return Math.abs(box.width - parent.width) < 1 || Math.abs(box.right - parent.right) < 1;
    };
    const innermost = out.filter(
      (element) =>
        ![...element.children].some((child) => outSet.has(child)) && !fillsParent(element),
    );
    const firstOfKind = (elements: Element[]) => {
      const seen = new Set<string>();
      return elements
        .map(protrusion)
        .filter((item) => !seen.has(item.kind) && seen.add(item.kind))
        .slice(0, 8);
    };
    overflow = {
      scrollWidth,
      innerWidth,
      escaping: firstOfKind(escaping),
      innermost: firstOfKind(innermost),
    };
  }
  return { overflow, targets, inlineLinks };
}

// ---------------------------------------------------------------------------
// Reporting

const size = (target: { width: number; height: number }) => `${target.width}×${target.height}`;

/** Repeated elements (rows of a list) as one line with their count and a few of their names. */
function groupTargets(targets: readonly SmallTarget[]): string[] {
  const groups = new Map<string, SmallTarget[]>();
  for (const target of targets) {
    const key = `${target.kind} ${size(target)}`;
    groups.set(key, [...(groups.get(key) ?? []), target]);
  }
  return [...groups.values()].map((group) => {
    const [first] = group as [SmallTarget, ...SmallTarget[]];
    const names = group
      .slice(0, 3)
      .map((target) => target.description)
      .join('; ');
    const more =
      group.length > 3
        ? `; … (${group.length} in all)`
        : group.length > 1
          ? ` (${group.length}×)`
          : '';
    return `${size(first)} px  ${first.selector}  — ${names}${more}`;
  });
}

/** The failure message: every finding of the given audits, per screen, viewport and language. */
export function formatAudits(audits: readonly ScreenAudit[]): string {
  const lines: string[] = [];
  for (const audit of audits) {
    if (findingCount(audit) === 0) continue;
    lines.push(`\n=== ${audit.screen} @ ${audit.viewport}, ${audit.language}`);
    for (const violation of audit.axe) {
      lines.push(`  axe ${violation.rule} (${violation.impact}): ${violation.help}`);
      for (const node of violation.nodes) {
        lines.push(`    - ${node.target}  ${node.html}`);
        if (node.message) lines.push(`      ${node.message}`);
      }
    }
    if (audit.overflow) {
      const { scrollWidth, innerWidth, escaping, innermost } = audit.overflow;
      lines.push(`  horizontal overflow: scrollWidth ${scrollWidth} > innerWidth ${innerWidth}`);
      for (const item of escaping) {
        lines.push(
          `    - escapes its container: ${item.selector} ${item.description} (right ${item.right}, width ${item.width}, its container ends at ${item.parentRight})`,
        );
      }
      for (const item of innermost) {
        lines.push(
          `    - innermost: ${item.selector} ${item.description} (right ${item.right}, width ${item.width}, its container ends at ${item.parentRight})`,
        );
      }
    }
    if (audit.targets.length > 0) {
      lines.push(`  touch targets under ${MIN_TARGET}×${MIN_TARGET} (${audit.targets.length}):`);
      for (const line of groupTargets(audit.targets)) lines.push(`    - ${line}`);
    }
  }
  return lines.join('\n');
}

/** One small target across the combinations: its names (per language) and size per combination. */
interface TargetEntry {
  target: SmallTarget;
  names: Set<string>;
  sizes: Map<string, string>;
}

/** `32×32 everywhere`, or per size where it showed up (`193×20: nl, both viewports; …`). */
function sizesByCombo(sizes: ReadonlyMap<string, string>, all: readonly string[]): string {
  const bySize = new Map<string, Set<string>>();
  for (const [combo, box] of sizes)
    bySize.set(box, (bySize.get(box) ?? new Set<string>()).add(combo));
  const where = (found: Set<string>) => {
    if (found.size === all.length) return 'everywhere';
    for (const language of ['nl', 'en']) {
      const mine = all.filter((combo) => combo.endsWith(` ${language}`));
      if (found.size === mine.length && mine.every((combo) => found.has(combo))) {
        return `${language}, both viewports`;
      }
    }
    for (const viewport of TABLET_VIEWPORTS) {
      const mine = all.filter((combo) => combo.startsWith(`${viewport.name} `));
      if (found.size === mine.length && mine.every((combo) => found.has(combo))) {
        return `${viewport.name}, both languages`;
      }
    }
    return combos(found, all);
  };
  return [...bySize.entries()].map(([box, found]) => `${box} ${where(found)}`).join('; ');
}

/** Which of the audited combinations (viewport, language) a finding showed up in. */
function combos(found: ReadonlySet<string>, all: readonly string[]): string {
  return found.size === all.length ? 'all' : all.filter((combo) => found.has(combo)).join(', ');
}

/**
 * A Markdown report of all audits, per screen, with a finding that is the same
 * across viewports and languages listed once (with where it showed up).
 */
export function findingsReport(audits: readonly ScreenAudit[]): string {
  const screens = [...new Set(audits.map((audit) => audit.screen))];
  const totals = { axeRules: 0, axeNodes: 0, overflow: 0, targets: 0, targetKinds: 0 };
  const sections: string[] = [];
  const excepted: string[] = [];
  for (const screen of screens) {
    const mine = audits.filter((audit) => audit.screen === screen);
    const all = mine.map((audit) => `${audit.viewport} ${audit.language}`);

    // axe: rule → node (by target) → combos
    const rules = new Map<
      string,
      { finding: AxeFinding; nodes: Map<string, { node: AxeNodeFinding; seen: Set<string> }> }
    >();
    for (const audit of mine) {
      const combo = `${audit.viewport} ${audit.language}`;
      for (const violation of audit.axe) {
        const entry = rules.get(violation.rule) ?? { finding: violation, nodes: new Map() };
        rules.set(violation.rule, entry);
        for (const node of violation.nodes) {
          const seen = entry.nodes.get(node.target) ?? { node, seen: new Set<string>() };
          seen.seen.add(combo);
          entry.nodes.set(node.target, seen);
        }
      }
    }
    // touch targets: kind + selector → sizes per combo
    const targets = new Map<string, TargetEntry>();
    for (const audit of mine) {
      const combo = `${audit.viewport} ${audit.language}`;
      for (const target of audit.targets) {
        const entry = targets.get(target.selector) ?? {
          target,
          names: new Set<string>(),
          sizes: new Map<string, string>(),
        };
        entry.names.add(target.description);
        entry.sizes.set(combo, size(target));
        targets.set(target.selector, entry);
      }
    }
    const overflows = mine.filter((audit) => audit.overflow);
    const inlineLinks = [...new Set(mine.flatMap((audit) => audit.inlineLinks))];
    if (rules.size === 0 && targets.size === 0 && overflows.length === 0) {
      if (inlineLinks.length > 0) {
        excepted.push(`- ${screen}: ${inlineLinks.join('; ')}`);
      }
      continue;
    }

    const lines = [`## ${screen}`, ''];
    if (rules.size > 0) {
      lines.push('### axe-core (serious/critical)', '');
      for (const { finding, nodes } of rules.values()) {
        totals.axeRules += 1;
        totals.axeNodes += nodes.size;
        lines.push(
          `- **${finding.rule}** (${finding.impact}): ${finding.help} — ${finding.helpUrl}`,
        );
        for (const { node, seen } of nodes.values()) {
          lines.push(`  - \`${node.target}\` [${combos(seen, all)}]`);
          lines.push(`    - html: \`${node.html.replace(/`/g, "'")}\``);
          if (node.message) lines.push(`    - ${node.message}`);
        }
      }
      lines.push('');
    }
    if (overflows.length > 0) {
      totals.overflow += 1;
      lines.push('### Horizontal overflow', '');
      for (const audit of overflows) {
        const overflow = audit.overflow as OverflowFinding;
        lines.push(
          `- ${audit.viewport} ${audit.language}: scrollWidth ${overflow.scrollWidth} > ${overflow.innerWidth}`,
        );
        for (const item of overflow.escaping) {
          lines.push(
            `  - escapes its container: \`${item.selector}\` ${item.description} (right ${item.right}, width ${item.width}, its container ends at ${item.parentRight})`,
          );
        }
        for (const item of overflow.innermost) {
          lines.push(
            `  - innermost: \`${item.selector}\` ${item.description} (right ${item.right}, width ${item.width}, its container ends at ${item.parentRight})`,
          );
        }
      }
      lines.push('');
    }
    if (targets.size > 0) {
      lines.push(`### Touch targets under ${MIN_TARGET}×${MIN_TARGET} px`, '');
      // Repeated rows (same selector without positions, same sizes) as one line.
      const kinds = new Map<string, { entries: TargetEntry[] }>();
      for (const entry of targets.values()) {
        const sizes = [...entry.sizes.entries()].map(([combo, box]) => `${combo}=${box}`).join(' ');
        const key = `${entry.target.kind}|${sizes}`;
        const group = kinds.get(key) ?? { entries: [] };
        group.entries.push(entry);
        kinds.set(key, group);
      }
      for (const { entries } of kinds.values()) {
        totals.targetKinds += 1;
        totals.targets += entries.length;
        const [first] = entries as [TargetEntry, ...TargetEntry[]];
        const sizes = sizesByCombo(first.sizes, all);
        const names = [...new Set(entries.flatMap((entry) => [...entry.names]))];
        const shownNames =
          names.slice(0, 4).join(' / ') + (names.length > 4 ? ` / … (${names.length} names)` : '');
        const count = entries.length > 1 ? ` ×${entries.length}` : '';
        lines.push(`- \`${first.target.selector}\`${count}: ${sizes}`);
        lines.push(`  - ${shownNames}`);
      }
      lines.push('');
    }
    if (inlineLinks.length > 0) excepted.push(`- ${screen}: ${inlineLinks.join('; ')}`);
    sections.push(lines.join('\n'));
  }
  const header = [
    '# Screen audit findings',
    '',
    `Screens: ${screens.length}; audits: ${audits.length} (each screen at ${TABLET_VIEWPORTS.map((v) => v.name).join(' and ')}, nl and en).`,
    '',
    `- axe-core serious/critical: ${totals.axeRules} rule findings (per screen), ${totals.axeNodes} distinct nodes`,
    `- horizontal overflow: ${totals.overflow} screens`,
    `- touch targets under ${MIN_TARGET}×${MIN_TARGET}: ${totals.targets} distinct elements (${totals.targetKinds} kinds, repeated rows grouped)`,
    '',
  ];
  const clean = screens.filter((screen) =>
    audits.filter((audit) => audit.screen === screen).every((audit) => findingCount(audit) === 0),
  );
  const footer = [
    '## Screens without findings',
    '',
    clean.length > 0 ? clean.map((screen) => `- ${screen}`).join('\n') : '- none',
    '',
    '## Inline text links left out of the touch-target check (for review)',
    '',
    excepted.length > 0 ? excepted.join('\n') : '- none',
    '',
  ];
  return [...header, ...sections, ...footer].join('\n');
}
