namespace CertPrep.Domain.Planning;

/// <summary>What the learner did on one day, as far as the plan's tasks are concerned.</summary>
/// <param name="ModulesRead">Modules marked as read (at any time).</param>
/// <param name="QuestionsByDomain">Questions answered that day, per domain (practice, reviews and exams alike).</param>
/// <param name="ReviewsDone">Spaced-repetition reviews done that day.</param>
/// <param name="ReviewsLeft">Reviews still due that day.</param>
/// <param name="MocksSubmitted">Mock exams submitted that day.</param>
/// <param name="MockInProgress">A mock exam is open.</param>
public sealed record DayActivity(
    IReadOnlySet<string> ModulesRead,
    IReadOnlyDictionary<string, int> QuestionsByDomain,
    int ReviewsDone,
    int ReviewsLeft,
    int MocksSubmitted,
    bool MockInProgress)
{
    /// <summary>Nothing done.</summary>
    public static DayActivity None { get; } = new(new HashSet<string>(), new Dictionary<string, int>(), 0, 0, 0, false);
}

/// <summary>How far one task is: a share between 0 and 1, done or not, and a short text for the progress bar.</summary>
public sealed record TaskProgress(PlanTask Task, double Fraction, bool Done, string Detail);

/// <summary>
/// Ticks a day's tasks off from what the learner did, so nobody has to tick anything by hand: a reading task is done
/// when the module is marked read; practice tasks of a domain are filled, in plan order, by the questions of that
/// domain answered that day (as many as each asks for); the review task when no review is left due; mock-exam tasks by the mock exams
/// submitted that day.
/// </summary>
public static class PlanProgress
{
    /// <summary>The progress of each task, in the order given.</summary>
    public static IReadOnlyList<TaskProgress> Of(IReadOnlyList<PlanTask> tasks, DayActivity activity)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(activity);
        var questions = new Dictionary<string, int>(activity.QuestionsByDomain, StringComparer.Ordinal);
        var mocks = activity.MocksSubmitted;
        var result = new List<TaskProgress>(tasks.Count);
        foreach (var task in tasks)
        {
            switch (task.Kind)
            {
                case PlanTaskKind.Read:
                    var read = activity.ModulesRead.Contains(task.Target);
                    result.Add(new TaskProgress(task, read ? 1 : 0, read, read ? "Read" : "Not read yet"));
                    break;
                case PlanTaskKind.Practice:
                    var available = questions.GetValueOrDefault(task.Target);
                    var wanted = task.PracticeQuestions;
                    var used = Math.Min(available, wanted);
                    questions[task.Target] = available - used;
                    result.Add(new TaskProgress(task, used / (double)wanted, used == wanted, $"{used} of {wanted} questions"));
                    break;
                case PlanTaskKind.Review:
                    var total = activity.ReviewsDone + activity.ReviewsLeft;
                    var cleared = activity.ReviewsLeft == 0;
                    result.Add(new TaskProgress(task, total == 0 ? 1 : activity.ReviewsDone / (double)total, cleared, cleared ? $"All due reviews done ({activity.ReviewsDone})" : $"{activity.ReviewsDone} of {total} reviews"));
                    break;
                case PlanTaskKind.MockExam:
                    var taken = mocks > 0;
                    mocks -= taken ? 1 : 0;
                    result.Add(new TaskProgress(task, taken ? 1 : 0, taken, taken ? "Submitted" : activity.MockInProgress ? "In progress" : "Not started"));
                    break;
                default:
                    result.Add(new TaskProgress(task, 0, false, string.Empty));
                    break;
            }
        }

        return result;
    }
}
