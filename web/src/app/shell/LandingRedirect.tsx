import { Navigate, useLocation } from 'react-router';
import { useViewer } from '@/modules/auth';
import { returnPathFor } from '../navigation/navigationFor';
import { returnPathIn } from '../routing/returnPath';

/**
 * `/`: the person's landing page, or, right after sign-in, the page the last session had open when
 * this person may open it (the sign-in page hands it over in router state).
 */
export function LandingRedirect() {
  const viewer = useViewer();
  const location = useLocation();
  return <Navigate to={returnPathFor(viewer.permissions, returnPathIn(location.state))} replace />;
}
