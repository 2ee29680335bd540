import { Navigate } from 'react-router';
import { useViewer } from '@/modules/auth';
import { landingPathFor } from '../navigation/navigationFor';

export function LandingRedirect() {
  const viewer = useViewer();
  return <Navigate to={landingPathFor(viewer.permissions)} replace />;
}
