import { useEffect, useState } from 'react';
import { type InvitationFragment, invitationFromFragment } from '../lib/invitationFragment';

// Keeps the router's own history state: only the address changes.
const dropFragmentFromAddress = () =>
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);

/**
 * Reads the invitation token from the address, then removes the fragment from the address bar and
 * from this history entry, so the token is not left in the browser's history or a bookmark. The
 * token then lives only in this page's memory and the GraphQL variables. A link pasted into the
 * address bar of an open onboarding page changes only the fragment (no reload): it is read too.
 */
export function useInvitationFragment(): InvitationFragment {
  const [fragment, setFragment] = useState(() => invitationFromFragment(window.location.hash));
  useEffect(() => {
    if (window.location.hash !== '') dropFragmentFromAddress();
    const onHashChange = () => {
      if (window.location.hash === '') return;
      setFragment(invitationFromFragment(window.location.hash));
      dropFragmentFromAddress();
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return fragment;
}
