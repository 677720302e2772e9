using CertPrep.Web.Data;
using CertPrep.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Accounts;

/// <summary>
/// Creates the roles and, when <c>Admin:Email</c> is configured, makes that account an administrator:
/// an existing account is promoted; a missing one is created with <c>Admin:Password</c> (never a password in source).
/// </summary>
internal sealed partial class AdminBootstrapper(
    RoleManager<IdentityRole> roles,
    UserManager<ApplicationUser> users,
    IConfiguration configuration,
    CertPrepDbContext db,
    TimeProvider time,
    ILogger<AdminBootstrapper> logger)
{
    public const string EmailKey = "Admin:Email";
    public const string PasswordKey = "Admin:Password";

    /// <summary>
    /// In one transaction that nodes starting together take in turn, so the roles and the administrator are created
    /// once (two nodes would otherwise both find them missing and both create them).
    /// </summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.LockForTransactionAsync(ClusterLocks.Accounts, ct);
            await EnsureRolesAndAdministratorAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);

    private async Task EnsureRolesAndAdministratorAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await roles.RoleExistsAsync(role))
            {
                await Check(roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }

        var email = configuration[EmailKey]?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            return;
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            var password = configuration[PasswordKey];
            if (string.IsNullOrEmpty(password))
            {
                throw new StartupConfigurationException(
                    $"{EmailKey} is '{email}' but no such account exists and {PasswordKey} is empty. Register that account first, or set {PasswordKey} (environment variable Admin__Password) for this start.");
            }

            user = new ApplicationUser { UserName = email, Email = email, CreatedUtc = time.GetUtcNow().UtcDateTime };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new StartupConfigurationException(
                    $"{PasswordKey} was refused for the first administrator: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            }

            await Check(users.AddToRoleAsync(user, Roles.Learner), "add the Learner role");
            LogAdminCreated(logger, email);
        }

        if (!await users.IsInRoleAsync(user, Roles.Admin))
        {
            await Check(users.AddToRoleAsync(user, Roles.Admin), "grant the Admin role");
            LogAdminGranted(logger, email);
        }
    }

    private static async Task Check(Task<IdentityResult> operation, string what)
    {
        var result = await operation;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the administrator account {Email} from configuration")]
    private static partial void LogAdminCreated(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "Granted the Admin role to {Email} from configuration")]
    private static partial void LogAdminGranted(ILogger logger, string email);
}
