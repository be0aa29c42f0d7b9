import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import ru from '@/lib/i18n/messages/ru.json';
import { pageOf, requestedPage } from '@/lib/paging';

describe('requestedPage', () => {
  it('reads a whole number from 1 up, and takes anything else for the first page, saying it was bad', () => {
    expect(requestedPage(undefined)).toEqual({ page: 1, badPage: false });
    expect(requestedPage('3')).toEqual({ page: 3, badPage: false });
    for (const bad of ['0', '-2', '1.5', 'two', '']) expect(requestedPage(bad), bad).toEqual({ page: 1, badPage: true });
  });
});

describe('pageOf', () => {
  const items = Array.from({ length: 7 }, (_, i) => i);
  it('cuts pages in order and shows the last one for a page past it', () => {
    expect(pageOf(items, 2, 3)).toEqual({ rows: [3, 4, 5], page: 2, pages: 3, total: 7, pageOutOfRange: false });
    expect(pageOf(items, 5, 3)).toEqual({ rows: [6], page: 3, pages: 3, total: 7, pageOutOfRange: true });
  });
  it('has one empty page for nothing', () => {
    expect(pageOf([], 1, 3)).toEqual({ rows: [], page: 1, pages: 1, total: 0, pageOutOfRange: false });
  });
});

describe('the notice for a page past the last', () => {
  const say = (message: string, locale: string, pages: number) => new IntlMessageFormat(message, locale).format({ pages });
  it('counts the pages there are, one page too', () => {
    expect(say(en.pager.pageOutOfRange, 'en', 1)).toBe('There is only one page; showing the last one.');
    expect(say(en.pager.pageOutOfRange, 'en', 3)).toBe('There are only 3 pages; showing the last one.');
    expect(say(ru.pager.pageOutOfRange, 'ru', 1)).toBe('Всего страниц: 1; показана последняя.');
  });
});
