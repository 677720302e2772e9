using CertPrep.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Accounts;

/// <summary>Granting and revoking roles, with the rules that keep the site administrable.</summary>
public sealed class RoleAdministration(UserManager<ApplicationUser> users, CertPrepDbContext db)
{
    public const int PageSize = 50;

    public async Task<UserPage> ListAsync(string? search, int page, CancellationToken cancellationToken)
    {
        // Placeholders that keep deleted learners' answers anonymous are not people: they are not listed.
        var query = users.Users.AsNoTracking().Where(u => !u.Id.StartsWith(PersonalData.PseudonymPrefix));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var normalized = users.NormalizeEmail(search.Trim());
            query = query.Where(u => u.NormalizedEmail!.Contains(normalized));
        }

        var total = await query.CountAsync(cancellationToken);
        var pageIndex = Math.Max(1, page);
        var rows = await query
            .OrderBy(u => u.NormalizedEmail)
            .Skip((pageIndex - 1) * PageSize)
            .Take(PageSize)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.CreatedUtc, u.LockoutEnd })
            .ToListAsync(cancellationToken);

        // The page's roles in one query, not two lookups per user.
        var ids = rows.Select(r => r.Id).ToList();
        var roles = (await db.UserRoles.AsNoTracking()
                .Where(ur => ids.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.UserId, x => x.Name ?? "");
        var result = rows
            .Select(row => new UserRow(row.Id, row.Email ?? "", row.DisplayName, row.CreatedUtc, [.. roles[row.Id].Order(StringComparer.Ordinal)]))
            .ToList();

        return new UserPage(result, total, pageIndex, (total + PageSize - 1) / PageSize);
    }

    public async Task<RoleChange> GrantAsync(string userId, string role)
    {
        if (!Roles.All.Contains(role))
        {
            return RoleChange.Refused($"'{role}' is not a role.");
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return RoleChange.Refused("That account no longer exists.");
        }

        if (await users.IsInRoleAsync(user, role))
        {
            return RoleChange.Done($"{user.Email} already has the {role} role.");
        }

        var result = await users.AddToRoleAsync(user, role);
        return result.Succeeded ? RoleChange.Done($"Granted {role} to {user.Email}.") : RoleChange.Refused(Describe(result));
    }

    public async Task<RoleChange> RevokeAsync(string userId, string role)
    {
        if (!Roles.All.Contains(role))
        {
            return RoleChange.Refused($"'{role}' is not a role.");
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return RoleChange.Refused("That account no longer exists.");
        }

        if (role == Roles.Admin && (await users.GetUsersInRoleAsync(Roles.Admin)).Count <= 1 && await users.IsInRoleAsync(user, Roles.Admin))
        {
            return RoleChange.Refused("This is the last administrator. Grant Admin to someone else first.");
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            return RoleChange.Done($"{user.Email} does not have the {role} role.");
        }

        var result = await users.RemoveFromRoleAsync(user, role);
        return result.Succeeded ? RoleChange.Done($"Revoked {role} from {user.Email}.") : RoleChange.Refused(Describe(result));
    }

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}

public sealed record UserRow(string Id, string Email, string? DisplayName, DateTime CreatedUtc, IReadOnlyList<string> Roles);

public sealed record UserPage(IReadOnlyList<UserRow> Users, int Total, int Page, int PageCount);

public sealed record RoleChange(bool Succeeded, string Message)
{
    public static RoleChange Done(string message) => new(true, message);

    public static RoleChange Refused(string message) => new(false, message);
}
