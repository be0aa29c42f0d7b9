import Link from '@/components/link';
import { ActionButton } from '@/components/ui/action-button';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import type { OfferPageView } from '@/lib/offers/offer-page';
import { STAFF_OFFER_STATUSES } from '@/lib/validation/offer';
import { setOfferStatusAction, tickOfferCheckAction, untickOfferCheckAction } from '../actions';
import { ActivateForm } from './activate-form';

const DATE_TIME = { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

/** What was offered, as the person wrote it. */
export async function OfferDetails({ offer }: { offer: OfferPageView }) {
  const t = await getTranslations('offers');
  const languageNames = await getTranslations('languages');
  const format = await getFormatter();
  const day = (night: string) =>
    format.dateTime(new Date(`${night}T12:00:00Z`), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const yes = (value: boolean) => t(value ? 'yes' : 'no');
  return (
    <section className="card" aria-labelledby="offer-details">
      <h2 id="offer-details">{t('details')}</h2>
      <dl className="facts">
        <dt>{t('city')}</dt>
        <dd>{offer.city}</dd>
        <dt>{t('place')}</dt>
        <dd>{t('placeLine', { kind: t(`kinds.${offer.kind}`), capacity: offer.capacity, guests: t(`guests.${offer.guests}`) })}</dd>
        <dt>{t('dates')}</dt>
        <dd>
          {offer.ranges.map((range) => (
            <div key={range.firstNight}>
              {day(range.firstNight)} – {day(range.lastNight)}
            </div>
          ))}
        </dd>
        <dt>{t('longest')}</dt>
        <dd>{t('nights', { count: offer.longestNights })}</dd>
        <dt>{t('languages')}</dt>
        <dd>{offer.languages.map((language) => languageNames(language)).join(', ') || '—'}</dd>
        <dt>{t('pets')}</dt>
        <dd>{yes(offer.pets)}</dd>
        <dt>{t('stepFree')}</dt>
        <dd>{yes(offer.stepFree)}</dd>
        <dt>{t('contact')}</dt>
        <dd>{offer.erased ? <span className="muted">{t('erased')}</span> : offer.contact}</dd>
        <dt>{t('note')}</dt>
        <dd className="pre-line">{offer.erased ? <span className="muted">{t('erased')}</span> : (offer.note ?? '—')}</dd>
        <dt>{t('received')}</dt>
        <dd>{format.dateTime(offer.createdAt, DATE_TIME)}</dd>
      </dl>
    </section>
  );
}

/** The network's checklist for this offer: who ticked what, and the caller's own tick to give or take back. */
export async function OfferChecklist({ offer }: { offer: OfferPageView }) {
  const t = await getTranslations('offers');
  const format = await getFormatter();
  const { items, complete } = offer.checklist;
  return (
    <section className="card" aria-labelledby="offer-checklist">
      <h2 id="offer-checklist">{t('checklist')}</h2>
      {items.length === 0 ? <p className="empty">{t('checklistNone')}</p> : null}
      <ul className="stay-list">
        {items.map((item) => (
          <li key={item.id}>
            <p>
              <strong>
                {item.done ? '✓ ' : ''}
                {item.label}
              </strong>
              {item.ticksNeeded === 2 ? <span className="muted"> · {t('twoPeople', { count: item.by.length })}</span> : null}
            </p>
            {item.by.map((tick) => (
              <p key={`${tick.name}${tick.at.getTime()}`} className="muted">
                {t('tickedBy', { name: tick.name, at: format.dateTime(tick.at, DATE_TIME) })}
              </p>
            ))}
            {offer.mayVet ? (
              item.tickedByMe ? (
                <ActionButton
                  action={untickOfferCheckAction}
                  fields={{ offerId: offer.id, checkId: item.id }}
                  label={t('untick')}
                  subject={item.label}
                />
              ) : (
                <ActionButton
                  action={tickOfferCheckAction}
                  fields={{ offerId: offer.id, checkId: item.id }}
                  label={t('tick')}
                  subject={item.label}
                />
              )
            ) : null}
          </li>
        ))}
      </ul>
      {items.length > 0 ? (
        <p className={complete ? 'muted' : 'form-status error'}>{t(complete ? 'checklistComplete' : 'checklistIncomplete')}</p>
      ) : null}
    </section>
  );
}

/** The next steps of vetting, each a button; declining asks twice. */
export async function OfferSteps({ offer }: { offer: OfferPageView }) {
  const t = await getTranslations('offers');
  const shelterStatus = await getTranslations('status');
  const format = await getFormatter();
  return (
    <section className="card" aria-labelledby="offer-steps">
      <h2 id="offer-steps">{t('steps')}</h2>
      {offer.mayVet ? (
        <div className="button-row">
          {STAFF_OFFER_STATUSES.filter((status) => status !== offer.status && status !== 'active').map((status) => (
            <ActionButton
              key={status}
              action={setOfferStatusAction}
              fields={{ offerId: offer.id, status }}
              label={t(`moveTo.${status}`)}
              subject={offer.reference}
              confirm={status === 'declined' ? t('declineConfirm') : undefined}
            />
          ))}
        </div>
      ) : null}
      {/* Kept once the offer is active, so that the host's link it has just been given stays on screen. */}
      {offer.mayVet && (offer.status === 'active' || offer.checklist.complete) ? (
        <ActivateForm action={setOfferStatusAction} offerId={offer.id} askPlace={offer.home === null} active={offer.status === 'active'} />
      ) : null}
      {offer.home ? (
        <p>
          <Link href={`/shelters/${offer.home.id}`}>{t('homeOpen')}</Link> <span className="badge">{shelterStatus(offer.home.status)}</span>
        </p>
      ) : null}
      <ol className="muted">
        {offer.steps.map((step) => (
          <li key={`${step.at.getTime()}${step.action}`}>
            {format.dateTime(step.at, DATE_TIME)} · {t(`history.${step.action.replace('offer.', '')}`)} ·{' '}
            {step.kind === 'staff' ? step.who : t(step.kind === 'guest' ? 'byOwner' : 'bySystem')}
          </li>
        ))}
      </ol>
    </section>
  );
}
