// The exercises page: the list at #/exercises, one exercise's workspace at #/exercises/<id>.
import './strings';
import './exercises.css';
import { ExerciseList } from './list/ExerciseList';
import { WorkspacePage } from './workspace/WorkspacePage';

export default function ExercisesPage({ params }: { params: string[] }) {
  const [exerciseId] = params;
  return exerciseId ? <WorkspacePage exerciseId={exerciseId} /> : <ExerciseList />;
}
