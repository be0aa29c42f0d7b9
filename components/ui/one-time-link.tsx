'use client';

import { useState } from 'react';

/**
 * A link shown once (an invitation), to select or copy and pass on by phone or Telegram. Give it
 * `key={link}` so that a new link starts as "Copy" again.
 */
export function OneTimeLink({
  id,
  link,
  label,
  hint,
  copyLabel,
  copiedLabel,
}: {
  id: string;
  link: string;
  label: string;
  hint: string;
  copyLabel: string;
  copiedLabel: string;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="invite-link">
      <label htmlFor={id}>{label}</label>
      <input id={id} readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
      <button
        type="button"
        className="button"
        onClick={() =>
          navigator.clipboard?.writeText(link).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {copied ? copiedLabel : copyLabel}
      </button>
      <p className="hint">{hint}</p>
    </div>
  );
}
