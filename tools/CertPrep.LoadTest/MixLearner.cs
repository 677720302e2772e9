using System.Diagnostics;
using System.Globalization;

namespace CertPrep.LoadTest;

/// <summary>
/// One learner of the mix: signs in (or registers and enrols), then does one action after another, picked with fixed
/// weights, through the site's own pages and forms. Each action is preceded by a GET of the reference endpoint.
/// </summary>
internal sealed class MixLearner(int index, MixSettings settings, int seed) : IDisposable
{
    public const string ReferencePath = "/health/live";
    public const string ReferenceStep = $"reference: GET {ReferencePath}";
    private const int QuizQuestions = 10;
    private const int ExamAnswers = 10;
    private const int ReviewCards = 3;

    /// <summary>The actions and their weights (out of 100).</summary>
    public static readonly (string Name, int Weight)[] Actions = [("browse", 35), ("practise", 30), ("review", 25), ("mock exam", 10)];

    private readonly Random _random = new(seed);
    private string _credential = settings.CredentialId;
    private IReadOnlyList<string> _modules = [];

    public SiteClient Site { get; } = new(settings.Nodes, index % settings.Nodes.Count, settings.Think);

    public int Index => index;

    /// <summary>
    /// Signs in as <paramref name="existingEmail"/> (its enrolment decides the credential) or registers as
    /// <paramref name="newEmail"/> and enrols; then finds the credential's modules. Not measured.
    /// </summary>
    public async Task SetUpAsync(string? existingEmail, string newEmail, TimeSpan readyTimeout)
    {
        try
        {
            if (existingEmail is not null)
            {
                await SubmitAsync("set-up: sign in", "/Account/Login", [new("Input.Email", existingEmail), new("Input.Password", Learner.Password), new("Input.RememberMe", "false")]);
                var practice = await Site.GetAsync("set-up: practice page", "/Practice");
                _credential = HtmlForms.WithHandler(practice.Body, "Quick")?.Field("credentialId")
                    ?? Site.Fail("set-up: practice page", $"{existingEmail} has no enrolment (no quick quiz form on /Practice)");
            }
            else
            {
                await SubmitAsync("set-up: register", "/Account/Register",
                    [new("Input.Email", newEmail), new("Input.DisplayName", $"Mix learner {index + 1}"), new("Input.Password", Learner.Password), new("Input.ConfirmPassword", Learner.Password)]);
                await EnrolAsync(readyTimeout);
            }

            var credential = await Site.GetAsync("set-up: credential page", $"/Credentials/{_credential}");
            _modules = HtmlForms.Links(credential.Body, "/Modules/");
            if (_modules.Count == 0)
            {
                Site.Fail("set-up: credential page", $"/Credentials/{_credential} links no module");
            }
        }
        catch (StepFailedException ex)
        {
            throw new SetupException(ex.Message);
        }
    }

    /// <summary>The reference request, then one action; a failed request ends the action (it is recorded).</summary>
    public async Task NextActionAsync()
    {
        var action = Pick();
        try
        {
            await Site.GetAsync(ReferenceStep, ReferencePath);
            Site.ActionTicks = 0;
            await (action switch
            {
                "browse" => BrowseAsync(),
                "practise" => PractiseAsync(),
                "review" => ReviewAsync(),
                _ => MockExamAsync(),
            });
            Site.Stats.Action(action).Success(Site.ActionTicks);
        }
        catch (StepFailedException ex)
        {
            Site.Stats.Action(action).Error(ex.Message.Split(':')[0]);
        }
    }

    public void Dispose() => Site.Dispose();

    private string Pick()
    {
        var roll = _random.Next(Actions.Sum(a => a.Weight));
        foreach (var (name, weight) in Actions)
        {
            if (roll < weight)
            {
                return name;
            }

            roll -= weight;
        }

        throw new UnreachableException();
    }

    /// <summary>
    /// Reads one of the credential's modules (marking it read the first time, which turns its key terms into
    /// flashcards for review), then looks something up in the glossary.
    /// </summary>
    private async Task BrowseAsync()
    {
        var module = await Site.GetAsync("browse: module page", _modules[_random.Next(_modules.Count)]);
        if (HtmlForms.WithHandler(module.Body, "MarkRead") is { } markRead && markRead.Field("read") == "true")
        {
            var marked = await Site.PostAsync("browse: mark read", markRead, [new("read", "true")]);
            await Site.GetAsync("browse: module page", marked.Next);
        }

        await Site.GetAsync("browse: glossary", "/Glossary");
    }

    /// <summary>A quick quiz of 10 in tutor mode: each question, its answer and the feedback page; then the summary.</summary>
    private async Task PractiseAsync()
    {
        var index = await Site.GetAsync("practise: practice page", $"/Practice?credential={_credential}");
        var quick = HtmlForms.WithHandler(index.Body, "Quick") ?? Missing("practise: practice page", "the quick quiz form");
        var started = await Site.PostAsync("practise: start quiz", quick, [new("credentialId", _credential)]);
        var quiz = started.Next.Split('?')[0];
        var feedback = started;
        for (var position = 1; position <= QuizQuestions; position++)
        {
            var page = await Site.GetAsync("practise: question page", Invariant($"{quiz}?q={position}"));
            var form = HtmlForms.WithId(page.Body, "answer-form");
            if (form is null)
            {
                break; // a shorter quiz (few questions left to choose from): the last question is shown again
            }

            var answered = await Site.PostAsync("practise: answer", form, [new("position", form.Field("position") ?? ""), .. form.Answer(_random), new("confidence", "Medium")]);
            feedback = await Site.GetAsync("practise: feedback page", answered.Next);
        }

        var finish = HtmlForms.WithHandler(feedback.Body, "Finish") ?? Missing("practise: feedback page", "the finish form");
        var finished = await Site.PostAsync("practise: finish", finish, []);
        await Site.GetAsync("practise: summary page", finished.Next);
    }

    /// <summary>Up to three due cards: each answered (question) or revealed and graded (term), with its feedback.</summary>
    private async Task ReviewAsync()
    {
        var page = await Site.GetAsync("review: review page", "/Review");
        for (var card = 0; card < ReviewCards; card++)
        {
            SiteResponse reviewed;
            if (HtmlForms.WithId(page.Body, "answer-form") is { } question)
            {
                reviewed = await Site.PostAsync("review: answer card", question,
                    [new("cardId", question.Field("cardId") ?? ""), new("reps", question.Field("reps") ?? ""), new("shown", question.Field("shown") ?? ""), .. question.Answer(_random)]);
            }
            else if (HtmlForms.Link(page.Body, "/Review?card=") is { } reveal)
            {
                var back = await Site.GetAsync("review: show answer", reveal);
                var grade = HtmlForms.WithHandler(back.Body, "Grade") ?? Missing("review: show answer", "the grade form");
                reviewed = await Site.PostAsync("review: grade card", grade, [new("cardId", grade.Field("cardId") ?? ""), new("reps", grade.Field("reps") ?? ""), new("grade", "Good")]);
            }
            else
            {
                return; // nothing due now
            }

            await Site.GetAsync("review: feedback page", reviewed.Next);
            page = await Site.GetAsync("review: review page", "/Review");
        }
    }

    /// <summary>A quarter-length mock exam: start, 10 answers saved as they are chosen (JSON), submit, the report.</summary>
    private async Task MockExamAsync()
    {
        var index = await Site.GetAsync("mock exam: exams page", $"/Exams?credential={_credential}");
        var start = HtmlForms.WithHandler(index.Body, "Start") ?? Missing("mock exam: exams page", "the start form");
        var started = await Site.PostAsync("mock exam: start", start, [new("Input.CredentialId", _credential), new("Input.Length", "Quarter")]);
        var take = started.Next.Split('?')[0];
        for (var position = 1; position <= ExamAnswers; position++)
        {
            var page = await Site.GetAsync("mock exam: question page", Invariant($"{take}?q={position}"));
            var form = HtmlForms.WithId(page.Body, "answer-form") ?? Missing("mock exam: question page", "the answer form");
            var saved = await Site.PostAsync("mock exam: save answer", form,
                [new("Position", form.Field("Position") ?? ""), new("Revision", form.Field("Revision") ?? ""), .. form.Answer(_random)], Expect.Page, json: true);
            if (!saved.Body.Contains("\"saved\":true", StringComparison.Ordinal))
            {
                Site.Fail("mock exam: save answer", $"not saved: {saved.Body[..Math.Min(120, saved.Body.Length)]}");
            }
        }

        var review = await Site.GetAsync("mock exam: review page", take.Replace("/Take", "/Review", StringComparison.Ordinal));
        var submit = HtmlForms.WithHandler(review.Body, "Submit") ?? Missing("mock exam: review page", "the submit form");
        var submitted = await Site.PostAsync("mock exam: submit", submit, []);
        await Site.GetAsync("mock exam: report", submitted.Next);
    }

    private async Task EnrolAsync(TimeSpan readyTimeout)
    {
        var until = Stopwatch.GetTimestamp() + (long)(readyTimeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            try
            {
                await SubmitAsync("set-up: enrol", "/Enrolments", [new("Input.CredentialId", _credential)]);
                return;
            }
            catch (StepFailedException) when (Stopwatch.GetTimestamp() < until)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    /// <summary>GET a page and POST its first form (with the token) back to <paramref name="path"/>, expecting a redirect.</summary>
    private async Task SubmitAsync(string step, string path, KeyValuePair<string, string>[] fields)
    {
        var page = await Site.GetAsync(step, path);
        var token = HtmlScraper.Token(page.Body) ?? Site.Fail(step, $"GET {path} has no {HtmlScraper.TokenField} field");
        await Site.PostAsync(step, new Form("", path, $"<input name=\"{HtmlScraper.TokenField}\" value=\"{System.Net.WebUtility.HtmlEncode(token)}\" />"), fields);
    }

    private Form Missing(string step, string what)
    {
        Site.Fail(step, $"the page has no {what}");
        throw new UnreachableException();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
