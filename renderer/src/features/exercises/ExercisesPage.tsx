// The exercises page: the course map at #/exercises, one exercise's workspace at #/exercises/<id>.
import './strings';
import './exercises.css';
import { CourseMapPage } from './map/CourseMapPage';
import { WorkspacePage } from './workspace/WorkspacePage';

export default function ExercisesPage({ params }: { params: string[] }) {
  const [exerciseId] = params;
  return exerciseId ? <WorkspacePage exerciseId={exerciseId} /> : <CourseMapPage />;
}
