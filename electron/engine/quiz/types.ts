// The quiz as the scorer sees it: normalised from the content file (ids and topics filled in).
export type QuestionType = 'single' | 'multiple';
export type ScoringRule = 'all-or-nothing' | 'partial';

export interface QuizOption {
  text: string;
  correct: boolean;
}

export interface QuizQuestion {
  id: string;
  question: string;
  type: QuestionType;
  points: number;
  topic: string;
  /** Multiple choice is all-or-nothing unless the author asks for partial credit. */
  scoring: ScoringRule;
  options: QuizOption[];
  explanation: string;
}

export interface Quiz {
  title: string;
  description: string;
  icon: string;
  questions: QuizQuestion[];
}

export interface Answer {
  questionId: string;
  selected: number[];
}
