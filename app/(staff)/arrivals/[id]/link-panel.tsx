'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';

export type Handover = { url: string; qrSvg: string; message: string; telegram: string; whatsapp: string; language: string };

/**
 * The arrival's link, shown once: copy it, share it, or let them scan the QR code. `id` keeps two
 * panels on one page (a stay's link and a request's) apart; `anchor` is the fragment a page lands at.
 */
export function LinkPanel({
  handover,
  alias,
  id = 'arrival-link',
  anchor,
}: {
  handover: Handover;
  alias: string;
  id?: string;
  anchor?: string;
}) {
  const t = useTranslations('link');
  const languageNames = useTranslations('languages');
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  return (
    <section id={anchor} className="card link-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('title', { alias })}</h2>
      <label htmlFor={id}>{t('label')}</label>
      <input id={id} readOnly value={handover.url} onFocus={(event) => event.currentTarget.select()} />
      <div className="share-buttons">
        <button
          type="button"
          className="button primary"
          onClick={() => {
            // The clipboard exists only on HTTPS and localhost; elsewhere the guide copies by hand.
            if (!navigator.clipboard) return setCopied('failed');
            navigator.clipboard.writeText(handover.message).then(
              () => setCopied('yes'),
              () => setCopied('failed'),
            );
          }}
        >
          {copied === 'yes' ? t('copied') : t('copy')}
        </button>
        <a className="button" href={handover.telegram} target="_blank" rel="noopener noreferrer">
          Telegram
        </a>
        <a className="button" href={handover.whatsapp} target="_blank" rel="noopener noreferrer">
          WhatsApp
        </a>
      </div>
      {copied === 'failed' ? (
        <p role="alert" className="form-status error">
          {t('copyFailed')}
        </p>
      ) : null}
      <p className="hint">{t('messageIn', { language: languageNames(handover.language) })}</p>
      <blockquote lang={handover.language} className="share-message">
        {handover.message}
      </blockquote>
      {/* The SVG is generated on our server by the qrcode library from a URL we built. */}
      <div className="qr" role="img" aria-label={t('qr')} dangerouslySetInnerHTML={{ __html: handover.qrSvg }} />
      <p className="hint">{t('once')}</p>
    </section>
  );
}
