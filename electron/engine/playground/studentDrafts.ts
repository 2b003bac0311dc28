// The student's code in the playground, by source: which code runs (their draft, else where allowed
// the exercise's reference solution, else the playground's own rules) in the three places it can:
// "my code" deciding order commands, "run my saga", and the bank's "my BankAccount". How the code is
// called in the sandbox lives in myCode.ts, studentSaga.ts and studentBank.ts (over studentCode.ts).
import fs from 'node:fs';
import path from 'node:path';
import { referenceAccountDecider, type AccountDecider } from './bank';
import { createStudentDecider, ORDER_FILE, SOURCE_EXERCISE, type StudentDecider } from './myCode';
import { BANK_EXERCISE, BANK_FILE, studentAccountDecider } from './studentBank';
import type { StudentCodeHost } from './studentCode';
import { probeStudentSaga, SAGA_EXERCISE, SAGA_FILE, type ProbeAnswer, type SagaProbeReport, type StudentSagaInput } from './studentSaga';

export interface StudentDraftsOptions {
  /** The exercises folder (reference solutions are read from it where this build has them). */
  exercisesDir: string;
  /** Where an exercise's student code runs: the engine's runner next to its read-only files. */
  host(exerciseId: string): StudentCodeHost;
  /** The student's draft of an exercise's file, if they have one. */
  draftFile(exerciseId: string, file: string): string | undefined;
}

export class StudentDrafts {
  private decider: StudentDecider | undefined;

  constructor(private readonly options: StudentDraftsOptions) {}

  /** The exercise's reference solution, where this build has it (installers leave solutions out). */
  private solutionFile(exerciseId: string, file: string): string | undefined {
    const p = path.join(this.options.exercisesDir, exerciseId, 'solution', file);
    return fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined;
  }

  /** "My code" on: the student's OrderAggregate draft decides (undefined when there is no draft). Off: closes it. */
  async orderDecider(enabled: boolean): Promise<StudentDecider | undefined> {
    await this.decider?.close();
    this.decider = undefined;
    const source = enabled ? this.options.draftFile(SOURCE_EXERCISE, ORDER_FILE) : undefined;
    if (source) this.decider = createStudentDecider({ host: this.options.host(SOURCE_EXERCISE), source });
    return this.decider;
  }

  /** The OrderSaga to run: the draft, else the reference solution; no probe when neither is there. */
  saga(): { source: 'draft' | 'solution'; probe?: (input: StudentSagaInput) => Promise<ProbeAnswer<SagaProbeReport>> } {
    const draft = this.options.draftFile(SAGA_EXERCISE, SAGA_FILE);
    const code = draft ?? this.solutionFile(SAGA_EXERCISE, SAGA_FILE);
    if (!code) return { source: 'solution' };
    return { source: draft ? 'draft' : 'solution', probe: (input) => probeStudentSaga(this.options.host(SAGA_EXERCISE), code, input) };
  }

  /** Who decides an account command: the student's BankAccount draft when asked for and there, else the reference rules. */
  bankDecider(mine: boolean): { decider: AccountDecider; source: 'draft' | 'reference'; noDraft: boolean } {
    const draft = mine ? this.options.draftFile(BANK_EXERCISE, BANK_FILE) : undefined;
    if (draft) return { decider: studentAccountDecider(this.options.host(BANK_EXERCISE), draft), source: 'draft', noDraft: false };
    return { decider: referenceAccountDecider, source: 'reference', noDraft: mine };
  }

  hasBankDraft(): boolean {
    return this.options.draftFile(BANK_EXERCISE, BANK_FILE) !== undefined;
  }

  async close(): Promise<void> {
    await this.decider?.close();
  }
}
