/**
 * The phone's account list: each account's code and countdown ring with Beírás az oldalra,
 * Átnevezés and Törlés; swipe left to remove and right to rename; the removal asks first.
 */
import { h } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AccountView } from '../../index.js';
import type { PhoneKit } from './phone-panel.js';
import { Ring } from './ring.js';
import { makeSwipeable } from './swipe.js';
import { Field, groupCode } from './ui.js';

/** The accounts on the phone, or the hint to scan the site's QR code. */
export function AccountList({ kit }: { kit: PhoneKit }) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const accounts = kit.phone.list();
  const pendingDelete = kit.phone.toJSON().pendingDelete;
  const row = (a: AccountView) => {
    if (pendingDelete === a.id) return h(ConfirmRemove, { kit, account: a, key: `confirm-${a.id}` });
    if (renaming === a.id)
      return h(RenameForm, { kit, account: a, done: () => setRenaming(null), key: `rename-${a.id}` });
    return h(AccountRow, { kit, account: a, rename: () => setRenaming(a.id), key: a.id });
  };
  return h(
    'ul',
    { class: 'accounts', 'aria-label': kit.name },
    accounts.length === 0 ? h('li', { class: 'empty' }, kit.app.t('noAccounts')) : accounts.map(row),
  );
}

const labelOf = (a: AccountView) => (a.issuer ? `${a.issuer}: ${a.account}` : a.account);

function AccountRow({ kit, account: a, rename }: { kit: PhoneKit; account: AccountView; rename: () => void }) {
  const t = kit.app.t;
  const li = useRef<HTMLLIElement>(null);
  const remove = () => (kit.phone.requestDelete(a.id), kit.saveAndShow());
  // The swipe reads the latest handlers, so the row keeps one set of pointer listeners.
  const handlers = useRef({ left: remove, right: rename });
  handlers.current = { left: remove, right: rename };
  useLayoutEffect(() => {
    if (li.current)
      makeSwipeable(li.current, { left: () => handlers.current.left(), right: () => handlers.current.right() });
  }, []);
  return h(
    'li',
    { class: 'account', 'data-account': labelOf(a), ref: li },
    h(
      'div',
      { class: 'account-main' },
      h('span', { class: 'account-name' }, labelOf(a)),
      h('span', { class: 'code', 'aria-live': 'off' }, a.code === null ? '—' : groupCode(a.code)),
    ),
    a.secondsLeft !== null && a.period !== null
      ? h(Ring, { secondsLeft: a.secondsLeft, period: a.period, unit: t('secondsLeft') })
      : null,
    h(
      'div',
      { class: 'row-buttons' },
      h(
        'button',
        { type: 'button', onClick: () => kit.bridge.typeCode(kit.phone.get(a.id).code ?? '') },
        t('typeCode'),
      ),
      h('button', { type: 'button', onClick: rename }, t('rename')),
      h('button', { type: 'button', onClick: remove }, t('remove')),
    ),
  );
}

function ConfirmRemove({ kit, account: a }: { kit: PhoneKit; account: AccountView }) {
  const t = kit.app.t;
  return h(
    'li',
    { class: 'account confirm' },
    h('p', null, h('strong', null, labelOf(a))),
    h('p', null, kit.phone.requestDelete(a.id).warning),
    h(
      'div',
      { class: 'buttons' },
      h(
        'button',
        { type: 'button', class: 'danger', onClick: () => (kit.phone.confirmDelete(a.id), kit.saveAndShow()) },
        t('confirmRemove'),
      ),
      h('button', { type: 'button', onClick: () => (kit.phone.cancelDelete(), kit.saveAndShow()) }, t('cancel')),
    ),
  );
}

function RenameForm({ kit, account: a, done }: { kit: PhoneKit; account: AccountView; done: () => void }) {
  const t = kit.app.t;
  const issuerName = `rename-issuer-${kit.index}`;
  const accountName = `rename-account-${kit.index}`;
  const submit = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const read = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    try {
      kit.phone.rename(a.id, { issuer: read(issuerName).trim() || null, account: read(accountName) });
      done();
      kit.saveAndShow();
    } catch (error) {
      kit.fail(error);
    }
  };
  return h(
    'li',
    { class: 'account' },
    h(
      'form',
      { onSubmit: submit },
      h(Field, { label: t('issuerName'), name: issuerName, defaultValue: a.issuer ?? '' }),
      h(Field, { label: t('accountName'), name: accountName, defaultValue: a.account }),
      h(
        'div',
        { class: 'buttons' },
        h('button', { type: 'submit' }, t('save')),
        h('button', { type: 'button', onClick: () => (done(), kit.saveAndShow()) }, t('cancel')),
      ),
    ),
  );
}
