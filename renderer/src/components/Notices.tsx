import { useTranslation } from 'react-i18next';
import type { NoticeAction } from '../../../shared/api/contract.js';
import type { ShownNotice } from '../state/store.js';
import { Icon } from './Icon.js';

type Props = { notices: ShownNotice[]; onDismiss(key: number): void; onAction(notice: ShownNotice, action: NoticeAction): void };

/**
 * Messages from the main side (recovered file, lost connection…) and refused
 * edits. Known codes are translated; others show the main side's message,
 * which names the file and reason. A notice may offer buttons (restore a
 * backup, open another file…), which App carries out.
 */
/** Parameters travel as text; a `count` is given back as a number so that i18next picks the plural. */
function count(n: ShownNotice): { count?: number } {
  const c = n.params?.count;
  return c !== undefined && /^\d+$/.test(c) ? { count: Number(c) } : {};
}

export function Notices({ notices, onDismiss, onAction }: Props) {
  const { t } = useTranslation();
  return (
    <div className="notices">
      {notices.map((n) => (
        <div key={n.key} className={`notice notice-${n.level}`} role={n.level === 'error' ? 'alert' : 'status'}>
          <p>{t(`notices.${n.code}`, { ...n.params, ...count(n), message: n.message, defaultValue: n.message })}</p>
          {n.actions?.map((a) => (
            <button key={a.id} type="button" className="button notice-action" onClick={() => onAction(n, a)}>
              {t(`notices.actions.${a.label}`, { defaultValue: a.label })}
            </button>
          ))}
          <button type="button" className="icon-button" aria-label={t('notices.dismiss')} title={t('notices.dismiss')} onClick={() => onDismiss(n.key)}>
            <Icon name="close" size={16} />
          </button>
        </div>
      ))}
    </div>
  );
}
