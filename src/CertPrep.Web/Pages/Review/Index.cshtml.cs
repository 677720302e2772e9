using CertPrep.Content.Rendering;
using CertPrep.Domain.Practice;
using CertPrep.Domain.Scheduling;
using CertPrep.Web.Accounts;
using CertPrep.Web.Attempts;
using CertPrep.Web.Data;
using CertPrep.Web.Library;
using CertPrep.Web.Reviews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Pages.Review;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.RateLimits.Answers)]
public sealed class IndexModel(ReviewQueue queue, ItemPresenter presenter, LibraryQueries library, CertPrepDbContext db, TimeProvider time) : PageModel
{
    public ReviewStatus Status { get; private set; } = null!;

    /// <summary>The card on screen (its front, or a question to answer).</summary>
    public ReviewCard? Card { get; private set; }

    /// <summary>The review just done, shown with its feedback.</summary>
    public ReviewLog? Result { get; private set; }

    /// <summary>A question card (unanswered) or a reviewed question with its key and rationales.</summary>
    public ItemView? Item { get; private set; }

    /// <summary>A term card's term and definition.</summary>
    public (string Term, string DefinitionHtml)? Term { get; private set; }

    public bool Reveal { get; private set; }

    public long ShownTicks { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? result, long? card, bool reveal, CancellationToken ct)
    {
        Status = await queue.StatusAsync(User.UserId(), ct);
        if (result is { } logId)
        {
            Result = await queue.LogAsync(User.UserId(), logId, ct);
            if (Result?.Card is null)
            {
                return NotFound();
            }

            Card = Result.Card;
            await ShowResultAsync(Result, ct);
            return Page();
        }

        Card = card is { } cardId ? await queue.CardAsync(User.UserId(), cardId, ct) : await queue.NextAsync(User.UserId(), ct);
        if (card is not null && Card is null)
        {
            return NotFound();
        }

        Reveal = reveal;
        return await ShowCardAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAnswerAsync(long cardId, int reps, int[] choice, string? numeric, Confidence? confidence, long shown, CancellationToken ct)
    {
        DateTime? shownUtc = shown > 0 && shown <= DateTime.MaxValue.Ticks ? new DateTime(shown, DateTimeKind.Utc) : null;
        var answer = await queue.AnswerAsync(User.UserId(), cardId, reps, choice, numeric, confidence, shownUtc, ct);
        switch (answer.Status)
        {
            case AnswerStatus.NotFound:
                return NotFound();
            case AnswerStatus.Invalid:
                Status = await queue.StatusAsync(User.UserId(), ct);
                Card = await queue.CardAsync(User.UserId(), cardId, ct);
                Error = answer.Error;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return await ShowCardAsync(ct) ? Page() : NotFound();
            case AnswerStatus.Already:
                TempData["Status"] = "You had already answered this card; it counted once.";
                return RedirectToPage(new { result = answer.LogId });
            default:
                return RedirectToPage(new { result = answer.LogId });
        }
    }

    public async Task<IActionResult> OnPostGradeAsync(long cardId, int reps, Grade grade, CancellationToken ct)
    {
        if (grade is < Grade.Again or > Grade.Easy)
        {
            return BadRequest();
        }

        var answer = await queue.GradeAsync(User.UserId(), cardId, reps, grade, ct);
        if (answer.Status == AnswerStatus.NotFound)
        {
            return NotFound();
        }

        if (answer.Status == AnswerStatus.Already)
        {
            TempData["Status"] = "You had already graded this card; it counted once.";
        }

        return RedirectToPage(new { result = answer.LogId });
    }

    public async Task<IActionResult> OnPostUndoAsync(CancellationToken ct)
    {
        var cardId = await queue.UndoAsync(User.UserId(), ct);
        if (cardId is null)
        {
            TempData["Status"] = "There is nothing to undo today.";
            return RedirectToPage();
        }

        TempData["Status"] = "Your last answer was undone: answer the card again.";
        return RedirectToPage(new { card = cardId });
    }

    private async Task<bool> ShowCardAsync(CancellationToken ct)
    {
        if (Card is null)
        {
            return true; // nothing due: the page says so
        }

        ShownTicks = time.GetUtcNow().UtcTicks;
        if (Card.Kind == CardKind.Question)
        {
            var question = await queue.QuestionAsync(Card, ct);
            if (question is null)
            {
                return false;
            }

            var item = new AttemptItem { Position = 1, QuestionId = Card.ItemId, QuestionVersionId = question.VersionId, DomainId = string.Empty, Seed = Card.ItemSeed() };
            Item = (await presenter.PresentAsync([item], reveal: false, ct))[0];
            return true;
        }

        Term = await TermAsync(Card.ItemId, ct);
        return Term is not null;
    }

    private async Task ShowResultAsync(ReviewLog log, CancellationToken ct)
    {
        if (log.QuestionVersionId is { } versionId && log.ItemSeed is { } seed)
        {
            var item = new AttemptItem
            {
                Position = 1,
                QuestionId = log.Card!.ItemId,
                QuestionVersionId = versionId,
                DomainId = string.Empty,
                Seed = seed,
                Choices = log.Choices,
                NumericText = log.NumericText,
                IsCorrect = log.Correct,
                Confidence = log.Confidence,
                AnsweredUtc = log.ReviewedUtc,
            };
            Item = (await presenter.PresentAsync([item], reveal: true, ct))[0];
        }
        else if (log.Card!.Kind != CardKind.Question)
        {
            Term = await TermAsync(log.Card.ItemId, ct);
            Reveal = true;
        }
    }

    private async Task<(string Term, string DefinitionHtml)?> TermAsync(string termId, CancellationToken ct)
    {
        var term = await db.GlossaryTerms.AsNoTracking().Where(t => t.Id == termId && !t.IsRetired).Select(t => new { t.Term, t.Definition, t.SourcePath }).SingleOrDefaultAsync(ct);
        if (term is null)
        {
            return null;
        }

        var render = await library.RendererAsync(ct, linkGlossary: false);
        return (term.Term, ContentMarkdown.ToHtml(term.Definition, render(term.SourcePath)));
    }
}
