// The student's code in the playground: which source runs (their draft, else where allowed the
// exercise's reference solution) and the sandbox that runs it, for the three places it can:
// "my code" deciding order commands, "run my saga", and the bank's "my BankAccount".
// How the code is called in the sandbox lives in myCode.ts, studentSaga.ts and studentBank.ts.
import fs from 'node:fs';
import path from 'node:path';
import { createRunner, type Runner } from '../runner';
import { referenceAccountDecider, type AccountDecider } from './bank';
import { createStudentDecider, SOURCE_EXERCISE, type StudentDecider } from './myCode';
import type { ProbeAnswer } from './probe';
import { BANK_EXERCISE, BANK_FILE, studentAccountDecider, writeBankProbe } from './studentBank';
import { probeStudentSaga, SAGA_EXERCISE, SAGA_FILE, writeSagaProbe, type SagaProbeReport, type StudentSagaInput } from './studentSaga';

export interface StudentCodeOptions {
  /** Where the probe exercises are written. */
  probeDir: string;
  /** The exercises folder the probes copy read-only files (and reference solutions) from. */
  exercisesDir: string;
  /** The student's draft of an exercise's file, if they have one. */
  draftFile(exerciseId: string, file: string): string | undefined;
}

export class StudentCode {
  private decider: StudentDecider | undefined;
  /** One sandbox runner for the saga and bank probes, started on first use. */
  private probeRunner: Runner | undefined;

  constructor(private readonly options: StudentCodeOptions) {}

  private exerciseDir(id: string): string {
    return path.join(this.options.exercisesDir, id);
  }

  private probes(): Runner {
    if (!this.probeRunner) {
      const exercisesDir = writeSagaProbe(this.options.probeDir, this.exerciseDir(SAGA_EXERCISE));
      writeBankProbe(this.options.probeDir, this.exerciseDir(BANK_EXERCISE));
      this.probeRunner = createRunner({ exercisesDir });
    }
    return this.probeRunner;
  }

  /** The exercise's reference solution, where this build has it (installers leave solutions out). */
  private solutionFile(exerciseId: string, file: string): string | undefined {
    const p = path.join(this.exerciseDir(exerciseId), 'solution', file);
    return fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined;
  }

  /** "My code" on: the student's OrderAggregate draft decides (undefined when there is no draft). Off: closes it. */
  async orderDecider(enabled: boolean): Promise<StudentDecider | undefined> {
    await this.decider?.close();
    this.decider = undefined;
    const source = enabled ? this.options.draftFile(SOURCE_EXERCISE, 'OrderAggregate.ts') : undefined;
    if (source) this.decider = createStudentDecider({ workDir: this.options.probeDir, sourceExerciseDir: this.exerciseDir(SOURCE_EXERCISE), source });
    return this.decider;
  }

  /** The OrderSaga to run: the draft, else the reference solution; no probe when neither is there. */
  saga(): { source: 'draft' | 'solution'; probe?: (input: StudentSagaInput) => Promise<ProbeAnswer<SagaProbeReport>> } {
    const draft = this.options.draftFile(SAGA_EXERCISE, SAGA_FILE);
    const code = draft ?? this.solutionFile(SAGA_EXERCISE, SAGA_FILE);
    if (!code) return { source: 'solution' };
    return { source: draft ? 'draft' : 'solution', probe: (input) => probeStudentSaga(this.probes(), code, input) };
  }

  /** Who decides an account command: the student's BankAccount draft when asked for and there, else the reference rules. */
  bankDecider(mine: boolean): { decider: AccountDecider; source: 'draft' | 'reference'; noDraft: boolean } {
    const draft = mine ? this.options.draftFile(BANK_EXERCISE, BANK_FILE) : undefined;
    if (draft) return { decider: studentAccountDecider(this.probes(), draft), source: 'draft', noDraft: false };
    return { decider: referenceAccountDecider, source: 'reference', noDraft: mine };
  }

  hasBankDraft(): boolean {
    return this.options.draftFile(BANK_EXERCISE, BANK_FILE) !== undefined;
  }

  async close(): Promise<void> {
    await this.decider?.close();
    await this.probeRunner?.close();
  }
}
