// The shell end to end: every page opens, the language switch changes the UI and survives a reload,
// the status line shows the engine connected, a page whose code fails to load says so in the UI's
// language and loads on retry, and nothing leaves 127.0.0.1.
import { describe, expect, it } from 'vitest';
import { openApp, useHostAndBrowser } from './support';

const e2e = useHostAndBrowser();

describe('app shell', () => {
  it('opens every page from the navigation and shows the engine connected', async () => {
    const app = await openApp(e2e.browser, e2e.host, { locale: 'en-US' });
    const { page } = app;
    await expect.poll(() => page.getByTestId('status-line').getAttribute('data-connected')).toBe('true');
    for (const id of ['lesson', 'quiz', 'exercises', 'playground', 'instructor', 'glossary']) {
      await page.getByTestId(`nav-${id}`).click();
      await expect.poll(() => page.url()).toContain(`#/${id}`);
      await expect.poll(() => page.getByTestId(`nav-${id}`).getAttribute('aria-current')).toBe('page');
      await page.locator('main h1, main h2').first().waitFor({ timeout: 15_000 });
    }
    expect(app.pageErrors).toEqual([]);
    expect(app.outsideRequests).toEqual([]);
    await app.close();
  });

  it('switches the language and keeps it after a reload', async () => {
    const app = await openApp(e2e.browser, e2e.host, { locale: 'en-US' });
    const { page } = app;
    await expect.poll(() => page.getByTestId('nav-exercises').textContent()).toContain('Exercises');
    await page.getByTestId('language-select').selectOption('ru');
    await expect.poll(() => page.getByTestId('nav-exercises').textContent()).toContain('Упражнения');
    await page.reload();
    await expect.poll(() => page.getByTestId('nav-exercises').textContent()).toContain('Упражнения');
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    expect(app.outsideRequests).toEqual([]);
    await app.close();
  });

  it('defaults to Russian for a Russian browser', async () => {
    const app = await openApp(e2e.browser, e2e.host, { locale: 'ru-RU' });
    await expect.poll(() => app.page.getByTestId('nav-lesson').textContent()).toContain('Урок');
    await app.close();
  });

  it("a page whose code fails to load says so in the student's language, and its retry loads it", async () => {
    const app = await openApp(e2e.browser, e2e.host, {
      locale: 'ru-RU',
      hash: '#/glossary',
      prepare: async (context) => void (await context.route(/\/assets\/GlossaryPage-[^/]*\.js$/, (route) => route.abort())),
    });
    const { page } = app;
    const error = page.getByTestId('page-error');
    await error.waitFor({ timeout: 20_000 });
    // The sentence is Russian; the browser's English text waits under "technical details", folded.
    expect(await error.locator('p').textContent()).toBe('Ошибка на странице: не удалось загрузить часть приложения. Проверьте, что приложение ещё работает, и повторите попытку.');
    expect(await error.locator('details').getAttribute('open')).toBeNull();
    expect(await error.locator('summary').textContent()).toBe('Технические подробности (на английском)');
    await app.context.unrouteAll();
    await error.getByRole('button', { name: 'Повторить' }).click();
    await page.locator('#main h1').first().waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('page-error').count()).toBe(0);
    await app.close();
  });

  it('switches pages with Alt+number', async () => {
    const app = await openApp(e2e.browser, e2e.host, { hash: '#/lesson' });
    // The keys belong to the app's shell, which appears once the profile is loaded: press them when a student could.
    await app.page.getByTestId('nav-lesson').waitFor();
    await app.page.locator('body').press('Alt+4');
    await expect.poll(() => app.page.url()).toContain('#/playground');
    await app.close();
  });
});
