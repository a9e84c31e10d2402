// Without the phone, no call tells a right password from a wrong one: redeeming a törlőkód and
// starting an enrollment on a bound account answer the same either way, now and on the next try.
import { describe, expect, it } from 'vitest';
import { PASSWORD, USER, enrolledLab, lab } from '../support/provider.js';

const WRONG_CODE = '1'.repeat(20);

describe('no password oracle', () => {
  it('redeemDeletionCode: a wrong password and a right one with a wrong törlőkód get the same answers', async () => {
    const answers = async (password: string) => {
      const { provider } = await enrolledLab();
      const first = await provider.redeemDeletionCode({ username: USER, password, deletionCode: WRONG_CODE });
      // The next try at once: the throttle must not tell them apart either.
      const second = await provider.redeemDeletionCode({ username: USER, password, deletionCode: WRONG_CODE });
      return [first, second];
    };
    const right = await answers(PASSWORD);
    expect(right[0]).toMatchObject({ ok: false, messageKey: 'deletionCode.wrong' });
    expect(await answers('rossz-jelszo')).toEqual(right);
  });

  it('redeemDeletionCode: an account without a binding and an unknown user answer as a wrong code', async () => {
    const { provider } = lab();
    await provider.register({ username: USER, password: PASSWORD, email: 'janos@example.hu' });
    const right = await provider.redeemDeletionCode({ username: USER, password: PASSWORD, deletionCode: WRONG_CODE });
    expect(await provider.redeemDeletionCode({ username: USER, password: 'rossz', deletionCode: WRONG_CODE })).toEqual(
      right,
    );
    expect(
      await provider.redeemDeletionCode({ username: 'senki', password: PASSWORD, deletionCode: WRONG_CODE }),
    ).toEqual(right);
  });

  it('startEnrollment on a bound account: the same refusal for a right and a wrong password, never a throw', async () => {
    const { provider } = await enrolledLab();
    const right = await provider.startEnrollment({ username: USER, password: PASSWORD });
    const wrong = await provider.startEnrollment({ username: USER, password: 'rossz-jelszo' });
    expect(right).toMatchObject({ ok: false, messageKey: 'login.refused' });
    expect(wrong).toEqual(right);
  });
});
