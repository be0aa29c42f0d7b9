'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import Link from '@/components/link';
import { messagePath, messageValues } from '@/components/ui/field-error';
import { exclusionText } from '@/lib/matching/exclusion-text';
import type { BatchResult, NewBatchLink } from '@/lib/placement/batch-view';
import styles from './queue.module.css';

// Noon UTC names the same calendar day in every zone we serve.
const day = (night: string) => new Date(`${night}T12:00:00Z`);

/** Copies a text; where the browser has no clipboard (plain HTTP) the guide selects the text shown instead. */
function CopyButton({ text, label, shown = label }: { text: string; label: string; shown?: string }) {
  const t = useTranslations('queue');
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  return (
    <>
      <button
        type="button"
        className="button"
        aria-label={shown === label ? undefined : label}
        onClick={() => {
          if (!navigator.clipboard) return setCopied('failed');
          navigator.clipboard.writeText(text).then(
            () => setCopied('yes'),
            () => setCopied('failed'),
          );
        }}
      >
        {copied === 'yes' ? t('copied') : shown}
      </button>
      {copied === 'failed' ? (
        <span role="alert" className="form-status error">
          {t('copyFailed')}
        </span>
      ) : null}
    </>
  );
}

/** A placed household's new link: the URL to read out, and ways to send the message that carries it. */
function NewLink({ link, name }: { link: NewBatchLink; name: string }) {
  const t = useTranslations('queue');
  return (
    <>
      <p className={styles.url} aria-label={t('linkOf', { name })} lang="en">
        {link.url}
      </p>
      <p className={styles.shares}>
        <CopyButton text={link.message} label={t('copyOne', { name })} shown={t('copy')} />
        <a className="button" href={link.telegram} target="_blank" rel="noopener noreferrer" aria-label={t('telegramTo', { name })}>
          Telegram
        </a>
        <a className="button" href={link.whatsapp} target="_blank" rel="noopener noreferrer" aria-label={t('whatsappTo', { name })}>
          WhatsApp
        </a>
      </p>
    </>
  );
}

/**
 * What a batch did, household by household: each placed one with its link to copy or send by
 * Telegram or WhatsApp, each refused one with why in the suggestions' words, and every link in one
 * text to copy at once. The links are plain text and anchors: they work without JavaScript.
 */
export function BatchResults({ results, shelter }: { results: BatchResult[]; shelter: string }) {
  const t = useTranslations('queue');
  const all = useTranslations();
  const suggest = useTranslations('suggest');
  const nameOf = (result: BatchResult, index: number) => result.alias ?? t('unnamed', { number: index + 1 });
  const why = (result: BatchResult) =>
    result.refusal?.reasons
      ? t('refusedHere', { shelter, reasons: result.refusal.reasons.map((reason) => exclusionText(suggest, reason)).join('; ') })
      : all(messagePath(result.refusal?.code ?? 'noBedFitting', 'errors'), messageValues(result.refusal?.params));
  const lines = results.flatMap((result, index) =>
    result.link?.kind === 'new'
      ? [
          t('allLinksLine', {
            name: nameOf(result, index),
            shelter,
            first: day(result.link.firstNight),
            departure: day(result.link.departure),
            url: result.link.url,
          }),
        ]
      : [],
  );
  return (
    <>
      <ul className={styles.results} aria-label={t('resultsTitle')}>
        {results.map((result, index) => {
          const name = nameOf(result, index);
          return (
            <li key={result.arrivalId} className={result.link ? styles.got : styles.missed}>
              {result.link ? (
                <>
                  <p>
                    <Link href={`/arrivals/${result.arrivalId}`}>{name}</Link>
                    {' — '}
                    {t('gotBeds', { shelter, beds: (result.beds ?? []).join(', ') })}
                  </p>
                  {result.link.kind === 'request' ? (
                    <p className="hint">{t('onRequestLink')}</p>
                  ) : (
                    <NewLink link={result.link} name={name} />
                  )}
                </>
              ) : (
                <p>
                  {name}
                  {' — '}
                  {why(result)}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {results.some((result) => !result.link) ? <p className="muted">{t('keptTicked')}</p> : null}
      {lines.length > 0 ? (
        <div className={styles.allLinks}>
          <label htmlFor="batch-all-links">{t('allLinks')}</label>
          <textarea id="batch-all-links" readOnly rows={Math.min(lines.length * 3, 12)} value={lines.join('\n')} />
          <CopyButton text={lines.join('\n')} label={t('copyAll')} />
          <p className="hint">{t('linksOnce')}</p>
        </div>
      ) : null}
    </>
  );
}
