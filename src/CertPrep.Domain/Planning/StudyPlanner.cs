namespace CertPrep.Domain.Planning;

/// <summary>What a planned task asks the learner to do.</summary>
public enum PlanTaskKind
{
    /// <summary>Read a study module.</summary>
    Read = 1,

    /// <summary>A practice quiz on one domain (after its module, or adaptive practice on a weak domain).</summary>
    Practice = 2,

    /// <summary>The day's spaced-repetition reviews.</summary>
    Review = 3,

    /// <summary>A timed mock exam.</summary>
    MockExam = 4,
}

/// <summary>The plan's phases, back-planned from the exam date.</summary>
public enum PlanPhase
{
    /// <summary>Read every module, with practice after each.</summary>
    Learn = 1,

    /// <summary>Adaptive practice on weak domains plus reviews.</summary>
    Consolidate = 2,

    /// <summary>The final week: reviews and practice, no new material.</summary>
    FinalReview = 3,
}

/// <summary>A module to read, with what must be read first.</summary>
/// <param name="Id">Module id.</param>
/// <param name="Title">Shown in the task.</param>
/// <param name="Domain">The domain it teaches.</param>
/// <param name="ReadingMinutes">Estimated reading time (front matter).</param>
/// <param name="Requires">Modules to read first.</param>
/// <param name="IsRead">Already read.</param>
public sealed record PlanModule(string Id, string Title, string Domain, int ReadingMinutes, IReadOnlyList<string> Requires, bool IsRead);

/// <summary>An exam domain: its blueprint weight and the learner's mastery (null before any evidence).</summary>
public sealed record PlanDomain(string Id, string Name, double Weight, double? Mastery);

/// <summary>Everything the planner needs for one enrolment.</summary>
/// <param name="Today">The learner's today (their calendar).</param>
/// <param name="ExamDate">The exam date; null for a rolling weekly plan.</param>
/// <param name="WeeklyMinutes">Study time per week.</param>
/// <param name="StudyDays">Days of the week the learner studies.</param>
/// <param name="DayCapacity">Share of a normal day's time a date may carry (easy days: 1, 0.5 or 0).</param>
/// <param name="Modules">The credential's modules.</param>
/// <param name="Domains">The credential's domains.</param>
/// <param name="MinutesPerQuestion">The learner's median time per question.</param>
/// <param name="ReviewMinutes">Spaced-repetition review minutes forecast per date.</param>
/// <param name="MockMinutes">Time of a full and of a half-length mock exam.</param>
/// <param name="MocksTaken">Mock exams already submitted.</param>
/// <param name="Lighter">The lighter plan the learner chose when the full one did not fit: 5 practice questions after
/// each module instead of 10, and no half-length mock exams.</param>
public sealed record PlanRequest(
    DateOnly Today,
    DateOnly? ExamDate,
    int WeeklyMinutes,
    IReadOnlySet<DayOfWeek> StudyDays,
    Func<DateOnly, double> DayCapacity,
    IReadOnlyList<PlanModule> Modules,
    IReadOnlyList<PlanDomain> Domains,
    double MinutesPerQuestion,
    IReadOnlyDictionary<DateOnly, int> ReviewMinutes,
    (int Full, int Half) MockMinutes,
    int MocksTaken = 0,
    bool Lighter = false);

/// <summary>One task on one day.</summary>
/// <param name="Id">Stable id (e.g. <c>read:cpim-demand</c>, <c>practice:demand:3</c>, <c>mock:final</c>).</param>
/// <param name="Kind">What it is.</param>
/// <param name="Target">The module, domain or form length it is about.</param>
/// <param name="Title">Shown to the learner.</param>
/// <param name="Minutes">Estimated minutes.</param>
/// <param name="Phase">The phase it belongs to.</param>
/// <param name="Questions">For practice: how many questions (10, or 5 after a module in a lighter plan).</param>
public sealed record PlanTask(string Id, PlanTaskKind Kind, string Target, string Title, int Minutes, PlanPhase Phase, int Questions = 0)
{
    /// <summary>The questions a practice task asks for.</summary>
    public int PracticeQuestions => Questions > 0 ? Questions : StudyPlanner.PracticeQuestions;
}

/// <summary>A kind of choice offered when the plan does not fit.</summary>
public enum PlanOptionKind
{
    /// <summary>Study more hours a week (<see cref="PlanOption.WeeklyHours"/>).</summary>
    MoreHours = 1,

    /// <summary>The lighter plan: fewer questions after each module and no half-length mock exams.</summary>
    Lighter = 2,

    /// <summary>A later exam date (<see cref="PlanOption.ExamDate"/>).</summary>
    LaterExam = 3,

    /// <summary>Make a day of the mock exam's window a study day (advice: the study days and easy days are the learner's).</summary>
    StudyDayForMock = 4,
}

/// <summary>A choice that would make the plan fit, checked by planning with it.</summary>
/// <param name="Kind">What to change.</param>
/// <param name="Text">Shown to the learner.</param>
/// <param name="Fits">Whether the plan fits with this change alone.</param>
/// <param name="WeeklyHours">For <see cref="PlanOptionKind.MoreHours"/>: the hours a week that make it fit.</param>
/// <param name="ExamDate">For <see cref="PlanOptionKind.LaterExam"/>: the earliest exam date that makes it fit.</param>
public sealed record PlanOption(PlanOptionKind Kind, string Text, bool Fits, int? WeeklyHours = null, DateOnly? ExamDate = null);

/// <summary>A day of the plan: its budget and its tasks (never more minutes than the budget).</summary>
public sealed record PlanDay(DateOnly Date, int BudgetMinutes, IReadOnlyList<PlanTask> Tasks)
{
    /// <summary>Minutes planned.</summary>
    public int PlannedMinutes => Tasks.Sum(t => t.Minutes);
}

/// <summary>The plan: days, phase boundaries, mock-exam milestones, and whether the required work fits.</summary>
public sealed record StudyPlan(
    IReadOnlyList<PlanDay> Days,
    DateOnly? ConsolidateFrom,
    DateOnly? FinalReviewFrom,
    IReadOnlyList<DateOnly> MockExamDates,
    bool Fits,
    int ShortfallMinutes,
    IReadOnlyList<PlanOption> Options);

/// <summary>
/// Builds a study plan to the exam date (documented in <c>docs/study-plan.md</c>): phases back-planned from the exam
/// (learn, consolidate, final review in the last week), mock exams around 50% and 80% of the time and a full one 7-10
/// days before; modules in order of need (blueprint weight × weakness, then weight), each followed by practice on its
/// domain, prerequisites first; reviews first every day; every task fitted into each day's budget, never beyond it.
/// When the required work (reading, its practice and the mock exams) does not fit before the final week, the plan
/// says so with the shortfall and the choices that would make it fit.
/// </summary>
public static class StudyPlanner
{
    /// <summary>Questions in a practice task.</summary>
    public const int PracticeQuestions = 10;

    /// <summary>Days of the final review (no new material).</summary>
    public const int FinalReviewDays = 7;

    /// <summary>Weeks a rolling plan (no exam date) covers.</summary>
    public const int RollingDays = 7;

    /// <summary>Weeks a credential's recommended hours are spread over when there is no exam date.</summary>
    public const int WeeksWithoutExamDate = 12;

    /// <summary>
    /// The weekly hours to suggest: the credential's recommended total spread over the weeks left to the exam (or over
    /// <see cref="WeeksWithoutExamDate"/> weeks without one), rounded up, between 1 and <paramref name="maximum"/>.
    /// </summary>
    public static int SuggestedWeeklyHours(int recommendedTotalHours, DateOnly today, DateOnly? examDate, int maximum = 80)
    {
        var weeks = examDate is { } exam ? Math.Max(1, (exam.DayNumber - today.DayNumber) / 7.0) : WeeksWithoutExamDate;
        return Math.Clamp((int)Math.Ceiling(Math.Max(1, recommendedTotalHours) / weeks), 1, maximum);
    }

    /// <summary>The shortest part a long module's reading is split into.</summary>
    public const int MinimumReadingPart = 15;

    /// <summary>Questions after each module in a lighter plan.</summary>
    public const int LighterPracticeQuestions = 5;

    /// <summary>The most weekly hours an option may suggest.</summary>
    public const int MaxWeeklyHours = 80;

    /// <summary>Makes the plan; when it does not fit, with the choices that would make it fit, each checked by planning with it.</summary>
    public static StudyPlan Plan(PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (plan, mockWithoutDay) = Build(request);
        return plan.Fits ? plan : plan with { Options = Options(request, plan, mockWithoutDay) };
    }

    private static (StudyPlan Plan, (DateOnly From, DateOnly To)? MockWithoutDay) Build(PlanRequest request)
    {
        var last = request.ExamDate is { } exam ? exam.AddDays(-1) : request.Today.AddDays(RollingDays - 1);
        var dates = new List<DateOnly>();
        for (var d = request.Today; d <= last; d = d.AddDays(1))
        {
            dates.Add(d);
        }

        var horizon = dates.Count;
        var studyDays = Math.Max(1, request.StudyDays.Count);
        var budgets = dates.ToDictionary(d => d, d => request.StudyDays.Contains(d.DayOfWeek) ? (int)Math.Floor(request.WeeklyMinutes / (double)studyDays * Math.Clamp(request.DayCapacity(d), 0, 1)) : 0);
        var tasks = dates.ToDictionary(d => d, _ => new List<PlanTask>());
        var left = new Dictionary<DateOnly, int>(budgets);

        DateOnly? finalFrom = request.ExamDate is not null && horizon >= 14 ? last.AddDays(-(FinalReviewDays - 1)) : null;
        DateOnly? consolidateFrom = request.ExamDate is not null ? request.Today.AddDays((int)Math.Round(horizon * 0.6)) : null;

        // 1. Reviews first, every day (they are what keeps knowledge alive).
        foreach (var date in dates)
        {
            var minutes = Math.Min(request.ReviewMinutes.GetValueOrDefault(date), left[date]);
            if (minutes > 0)
            {
                Add(date, new PlanTask($"review:{date:yyyy-MM-dd}", PlanTaskKind.Review, "reviews", "Spaced-repetition reviews", minutes, PhaseOf(date)));
            }
        }

        // 2. Mock exams at their milestones (the full one 7-10 days before the exam). A mock exam longer than a study day
        //    takes time from the other days of its week, so the week's total stays what the learner gives.
        var mockDates = new List<DateOnly>();
        var shortfall = 0;
        (DateOnly From, DateOnly To)? mockWithoutDay = null;
        if (request.ExamDate is { } examDate && horizon >= 14)
        {
            var milestones = new List<(string Id, DateOnly Target, bool Full)>();
            if (horizon >= 28 && !request.Lighter)
            {
                milestones.Add(("mock:half-1", request.Today.AddDays((int)(horizon * 0.5)), false));
                milestones.Add(("mock:half-2", request.Today.AddDays((int)(horizon * 0.8)), false));
            }

            milestones.Add(("mock:final", examDate.AddDays(-8), true));
            foreach (var (id, target, full) in milestones.Skip(Math.Min(request.MocksTaken, milestones.Count - 1)))
            {
                var minutes = full ? request.MockMinutes.Full : request.MockMinutes.Half;
                var (from, to) = full ? (examDate.AddDays(-10), examDate.AddDays(-7)) : (target.AddDays(-3), target.AddDays(3));
                var window = dates.Where(d => d >= from && d <= to).OrderBy(d => Math.Abs(d.DayNumber - target.DayNumber)).ToList();
                var title = full ? "Full mock exam" : "Half-length mock exam";
                var day = window.Where(d => left[d] >= minutes).Cast<DateOnly?>().FirstOrDefault();
                if (day is null && window.Where(d => budgets[d] > 0 && request.DayCapacity(d) >= 1 && WeekLeft(d) >= minutes).Cast<DateOnly?>().FirstOrDefault() is { } longDay)
                {
                    Borrow(longDay, minutes - left[longDay]);
                    (day, title) = (longDay, $"{title} (a long session: time moved from other days this week)");
                }

                if (day is { } chosen)
                {
                    Add(chosen, new PlanTask(id, PlanTaskKind.MockExam, full ? "full" : "half", title, minutes, PhaseOf(chosen)));
                    mockDates.Add(chosen);
                }
                else
                {
                    shortfall += minutes;
                    if (!window.Any(d => budgets[d] > 0 && request.DayCapacity(d) >= 1))
                    {
                        mockWithoutDay ??= (from, to);
                    }
                }
            }
        }

        // 3. Reading, each module followed by practice on its domain, in order of need; prerequisites first.
        var practiceMinutes = (int)Math.Ceiling(PracticeQuestions * Math.Max(0.25, request.MinutesPerQuestion));
        var afterModule = request.Lighter ? LighterPracticeQuestions : PracticeQuestions;
        var afterModuleMinutes = (int)Math.Ceiling(afterModule * Math.Max(0.25, request.MinutesPerQuestion));
        var learnEnd = finalFrom?.AddDays(-1) ?? last;
        var cursor = request.Today;
        foreach (var module in ReadingOrder(request))
        {
            PlanTask? read = new PlanTask($"read:{module.Id}", PlanTaskKind.Read, module.Id, $"Read: {module.Title}", Math.Max(5, module.ReadingMinutes), PlanPhase.Learn);
            var practice = new PlanTask($"practice:{module.Id}", PlanTaskKind.Practice, module.Domain, $"Practise: {DomainName(request, module.Domain)}", afterModuleMinutes, PlanPhase.Learn, afterModule);
            // A module longer than any day with room is read in parts on consecutive days with room (at least
            // MinimumReadingPart minutes each); its parts tick off together when the module is marked read.
            if (PlaceFrom(cursor, learnEnd, read.Minutes) is null && Parts(cursor, learnEnd, read.Minutes) is { } parts)
            {
                for (var i = 0; i < parts.Count; i++)
                {
                    Add(parts[i].Date, read with { Id = $"{read.Id}#{i + 1}", Title = $"{read.Title} (part {i + 1} of {parts.Count})", Minutes = parts[i].Minutes });
                }

                cursor = parts[^1].Date;
                read = null;
            }

            foreach (var task in read is null ? [practice] : new[] { read, practice })
            {
                var day = PlaceFrom(cursor, learnEnd, task.Minutes);
                if (day is null)
                {
                    // A rolling week has no deadline: what does not fit this week is next week's work, not a shortfall.
                    shortfall += request.ExamDate is null ? 0 : task.Minutes;
                    continue;
                }

                Add(day.Value, task with { Phase = PhaseOf(day.Value) == PlanPhase.FinalReview ? PlanPhase.Consolidate : PlanPhase.Learn });
                cursor = day.Value;
            }
        }

        // 4. The rest of the time: adaptive practice on the domains that need it most (optional work).
        var needs = request.Domains.OrderByDescending(Need).ToList();
        var round = 0;
        foreach (var date in dates)
        {
            while (needs.Count > 0 && left[date] >= practiceMinutes)
            {
                var domain = needs[round % needs.Count];
                var phase = PhaseOf(date);
                Add(date, new PlanTask($"practice:{domain.Id}:{date:yyyy-MM-dd}:{round}", PlanTaskKind.Practice, domain.Id, $"{(phase == PlanPhase.FinalReview ? "Final practice" : "Adaptive practice")}: {domain.Name}", practiceMinutes, phase));
                round++;
            }
        }

        var days = dates.Select(d => new PlanDay(d, budgets[d], tasks[d])).ToList();
        return (new StudyPlan(days, consolidateFrom, finalFrom, mockDates, shortfall == 0, shortfall, []), mockWithoutDay);

        PlanPhase PhaseOf(DateOnly date) =>
            finalFrom is { } f && date >= f ? PlanPhase.FinalReview : consolidateFrom is { } c && date >= c ? PlanPhase.Consolidate : PlanPhase.Learn;

        void Add(DateOnly date, PlanTask task)
        {
            tasks[date].Add(task);
            left[date] -= task.Minutes;
        }

        // Minutes not yet planned in the Monday-to-Sunday week of a date (within the plan).
        int WeekLeft(DateOnly date)
        {
            var monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
            return dates.Where(d => d >= monday && d < monday.AddDays(7)).Sum(d => left[d]);
        }

        // Moves unplanned minutes from the other days of the date's week to it, evenly (from the day with the most left).
        void Borrow(DateOnly date, int minutes)
        {
            var monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
            var others = dates.Where(d => d >= monday && d < monday.AddDays(7) && d != date).ToList();
            for (; minutes > 0; minutes--)
            {
                var from = others.MaxBy(d => left[d]);
                left[from]--;
                budgets[from]--;
                left[date]++;
                budgets[date]++;
            }
        }

        List<(DateOnly Date, int Minutes)>? Parts(DateOnly from, DateOnly until, int minutes)
        {
            var parts = new List<(DateOnly, int)>();
            foreach (var date in dates)
            {
                if (date >= from && date <= until && left[date] >= MinimumReadingPart && minutes > 0)
                {
                    // Never leave a remainder shorter than a part: it would be a part of its own.
                    var take = Math.Min(left[date], minutes);
                    if (minutes - take is > 0 and < MinimumReadingPart)
                    {
                        take = minutes - MinimumReadingPart;
                    }

                    if (take >= MinimumReadingPart)
                    {
                        parts.Add((date, take));
                        minutes -= take;
                    }
                }
            }

            return minutes == 0 ? parts : null;
        }

        DateOnly? PlaceFrom(DateOnly from, DateOnly until, int minutes)
        {
            foreach (var date in dates)
            {
                if (date >= from && date <= until && left[date] >= minutes)
                {
                    return date;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// The order modules are read in: unread modules by the need of their domain (weight × (1 − mastery), unknown
    /// mastery counted as 0.5), ties by weight, with every module's prerequisites (and earlier-read requirements)
    /// placed before it.
    /// </summary>
    public static IReadOnlyList<PlanModule> ReadingOrder(PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var domains = request.Domains.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var unread = request.Modules.Where(m => !m.IsRead).ToDictionary(m => m.Id, StringComparer.Ordinal);
        var ranked = unread.Values
            .OrderByDescending(m => domains.TryGetValue(m.Domain, out var d) ? Need(d) : 0)
            .ThenByDescending(m => domains.TryGetValue(m.Domain, out var d) ? d.Weight : 0)
            .ThenBy(m => m.Id, StringComparer.Ordinal)
            .ToList();
        var order = new List<PlanModule>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var module in ranked)
        {
            Visit(module, []);
        }

        return order;

        void Visit(PlanModule module, HashSet<string> path)
        {
            if (placed.Contains(module.Id) || !path.Add(module.Id))
            {
                return; // done, or a cycle (the content validator reports those)
            }

            foreach (var required in module.Requires)
            {
                if (unread.TryGetValue(required, out var first))
                {
                    Visit(first, path);
                }
            }

            placed.Add(module.Id);
            order.Add(module);
        }
    }

    private static double Need(PlanDomain domain) => domain.Weight * (1 - (domain.Mastery ?? 0.5));

    private static string DomainName(PlanRequest request, string id) => request.Domains.FirstOrDefault(d => d.Id == id)?.Name ?? id;

    /// <summary>
    /// The choices for a plan that does not fit, each found and checked by planning with it: the fewest whole hours a
    /// week that make it fit, the lighter plan, the earliest exam date that makes it fit, and (when a mock exam is longer
    /// than any day) a longer study day. Searches are binary: more time never makes less fit.
    /// </summary>
    private static List<PlanOption> Options(PlanRequest request, StudyPlan plan, (DateOnly From, DateOnly To)? mockWithoutDay)
    {
        var options = new List<PlanOption>();
        if (mockWithoutDay is { } window)
        {
            options.Add(new PlanOption(PlanOptionKind.StudyDayForMock, $"Make a day from {window.From:ddd d MMM} to {window.To:ddd d MMM} a full study day for the mock exam (none of them is one now)", false));
        }

        var hours = (int)Math.Ceiling(request.WeeklyMinutes / 60.0);
        if (Smallest(hours + 1, MaxWeeklyHours, h => Build(request with { WeeklyMinutes = h * 60 }).Plan.Fits) is { } enough)
        {
            options.Add(new PlanOption(PlanOptionKind.MoreHours, $"Study {enough} hours a week instead of {hours}: everything fits", true, WeeklyHours: enough));
        }

        if (!request.Lighter)
        {
            var lighter = Build(request with { Lighter = true }).Plan;
            var what = $"Take the lighter plan: {LighterPracticeQuestions} practice questions after each module instead of {PracticeQuestions}, and no half-length mock exams";
            options.Add(new PlanOption(PlanOptionKind.Lighter, lighter.Fits ? $"{what}: everything fits" : $"{what} (saves about {plan.ShortfallMinutes - lighter.ShortfallMinutes} minutes; not enough on its own)", lighter.Fits));
        }

        // A later date cannot help a mock exam longer than a whole week's time (weeks do not depend on the date).
        var week = (int)Math.Floor(request.WeeklyMinutes * Enumerable.Range(0, 7).Select(i => request.Today.AddDays(i)).Where(d => request.StudyDays.Contains(d.DayOfWeek)).Sum(d => Math.Clamp(request.DayCapacity(d), 0, 1)) / Math.Max(1, request.StudyDays.Count));

        // When the mock's window has no study day, a date up to two weeks later moves the window onto one (a linear
        // search: fitting is periodic in the weekday there); otherwise more time to the exam never fits less.
        if (request.ExamDate is { } exam)
        {
            var later = mockWithoutDay is not null
                ? Enumerable.Range(1, 13).Cast<int?>().FirstOrDefault(d => Build(request with { ExamDate = exam.AddDays(d!.Value) }).Plan.Fits)
                : request.MockMinutes.Full <= week ? Smallest(1, 3 * 365, d => Build(request with { ExamDate = exam.AddDays(d) }).Plan.Fits) : null;
            if (later is { } days)
            {
                var moved = exam.AddDays(days);
                options.Add(new PlanOption(PlanOptionKind.LaterExam, $"Move the exam to {moved:d MMMM yyyy} or later", true, ExamDate: moved));
            }
        }

        return options;
    }

    /// <summary>The smallest value in [low, high] for which <paramref name="fits"/> holds, or null when even <paramref name="high"/> does not.</summary>
    private static int? Smallest(int low, int high, Func<int, bool> fits)
    {
        if (low > high || !fits(high))
        {
            return null;
        }

        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            (low, high) = fits(mid) ? (low, mid) : (mid + 1, high);
        }

        return low;
    }

    /// <summary>
    /// Re-plans from today: work done is left out (read modules, mocks taken), work not done moves to the next days
    /// that have room, and the changes are described for the learner, with the reasons the caller gives (a new weekly
    /// budget, a mock exam that showed a weak domain).
    /// </summary>
    public static (StudyPlan Plan, IReadOnlyList<string> Changes) Replan(StudyPlan previous, PlanRequest request, IReadOnlySet<string> doneTaskIds, IReadOnlyList<string> reasons)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(doneTaskIds);
        ArgumentNullException.ThrowIfNull(reasons);
        var plan = Plan(request);
        var changes = new List<string>(reasons);
        var missed = previous.Days.Where(d => d.Date < request.Today)
            .SelectMany(d => d.Tasks)
            .Count(t => t.Kind is PlanTaskKind.Read or PlanTaskKind.MockExam && !doneTaskIds.Contains(t.Kind == PlanTaskKind.Read ? $"read:{t.Target}" : t.Id));
        if (missed > 0)
        {
            changes.Add($"{missed} reading or mock-exam task{(missed == 1 ? " was" : "s were")} not done and moved to the next days with room.");
        }

        var before = FirstDates(previous, request.Today);
        var after = FirstDates(plan, request.Today);
        var earlier = after.Count(a => before.TryGetValue(a.Key, out var b) && a.Value < b);
        var later = after.Count(a => before.TryGetValue(a.Key, out var b) && a.Value > b);
        if (earlier + later > 0)
        {
            changes.Add($"{earlier} task{(earlier == 1 ? "" : "s")} moved earlier and {later} later.");
        }

        if (previous.Fits && !plan.Fits)
        {
            changes.Add($"The required work no longer fits before the final week (short by {plan.ShortfallMinutes} minutes): see the options.");
        }
        else if (!previous.Fits && plan.Fits)
        {
            changes.Add("The plan fits again.");
        }

        return (plan, changes.Count == 0 ? ["Nothing needed to change."] : changes);
    }

    private static Dictionary<string, DateOnly> FirstDates(StudyPlan plan, DateOnly from)
    {
        var first = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var day in plan.Days.Where(d => d.Date >= from))
        {
            foreach (var task in day.Tasks.Where(t => t.Kind is PlanTaskKind.Read or PlanTaskKind.MockExam))
            {
                first.TryAdd(task.Id, day.Date);
            }
        }

        return first;
    }
}
