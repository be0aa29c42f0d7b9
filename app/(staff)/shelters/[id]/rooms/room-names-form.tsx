'use client';

import { useTranslations } from 'next-intl';
import { FormStatus } from '@/components/ui/form-status';
import { nameFor } from '@/components/ui/name-for';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { TEXT_LOCALES } from '@/db/schema/enums';
import type { RoomNames } from '@/lib/shelters/room-names';

const FIELD = { ru: 'nameRu', uk: 'nameUk', tr: 'nameTr', en: 'nameEn' } as const;
// Each language named in itself, as the language switchers do.
const SELF_NAMES = { ru: 'Русский', uk: 'Українська', tr: 'Türkçe', en: 'English' } as const;

/** The room's name in each arrival language; blank ones fall back to its own name. */
export function RoomNamesForm({ room, names, action }: { room: { id: string; name: string }; names: RoomNames; action: FormAction }) {
  const t = useTranslations('rooms');
  const [state, formAction] = useFormAction(action);
  return (
    <form action={formAction} className="stack" noValidate>
      <input type="hidden" name="roomId" value={room.id} />
      <fieldset>
        <legend>{t('namesLegend', { room: room.name })}</legend>
        <p className="hint">{t('namesHint')}</p>
        {TEXT_LOCALES.map((locale) => (
          <TextField
            key={locale}
            state={state}
            id={`${FIELD[locale]}-${room.id}`}
            name={FIELD[locale]}
            label={t('nameIn', { language: SELF_NAMES[locale] })}
            stored={names[locale] ?? ''}
            maxLength={60}
            lang={locale}
          />
        ))}
      </fieldset>
      <SubmitButton className="button" aria-label={nameFor(t('saveNames'), room.name)}>
        {t('saveNames')}
      </SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
