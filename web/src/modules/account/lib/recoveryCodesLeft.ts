/** What the account page says about the recovery codes left. */
export function recoveryCodesLeftText(left: number): string {
  const replace = 'Issuing new codes makes every old one stop working.';
  if (left === 0)
    return `You have no recovery codes left: if you lose your authenticator you cannot sign in. Issue new ones now. ${replace}`;
  if (left <= 2)
    return `Only ${left} recovery code${left === 1 ? '' : 's'} left. Each one signs you in once without your authenticator. ${replace}`;
  return `${left} unused codes can each sign you in once if you lose your authenticator. ${replace}`;
}
