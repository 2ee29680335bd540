import { Navigate } from 'react-router';
import { useViewer } from '@/modules/auth/hooks/useViewer';
import { landingPathFor } from '../lib/navigationFor';

export function LandingRedirect() {
  const viewer = useViewer();
  return <Navigate to={landingPathFor(viewer.permissions)} replace />;
}
