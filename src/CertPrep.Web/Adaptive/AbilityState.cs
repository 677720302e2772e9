using System.Text.Json;
using CertPrep.Domain.Adaptive;
using CertPrep.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPrep.Web.Adaptive;

/// <summary>A learner's abilities in one credential (overall and per domain), updated with every answer.</summary>
public sealed class AbilityState
{
    public required string UserId { get; set; }

    public required string CredentialId { get; set; }

    /// <summary>Answers behind the estimates.</summary>
    public int Responses { get; set; }

    /// <summary>The estimates (JSON): overall and per domain, mean, SD, evidence count and time.</summary>
    public required string StateJson { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public LearnerAbilities Read() => AbilityJson.Read(StateJson);
}

internal sealed class AbilityStateConfiguration : IEntityTypeConfiguration<AbilityState>
{
    public void Configure(EntityTypeBuilder<AbilityState> builder)
    {
        builder.ToTable("AbilityStates");
        builder.HasKey(a => new { a.UserId, a.CredentialId });
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.CredentialId).HasMaxLength(100);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Abilities to and from their stored JSON.</summary>
public static class AbilityJson
{
    public static LearnerAbilities Read(string json)
    {
        var stored = JsonSerializer.Deserialize<Stored>(json);
        return stored is null
            ? LearnerAbilities.New()
            : new LearnerAbilities(stored.Overall.ToAbility(), stored.Domains.ToDictionary(d => d.Key, d => d.Value.ToAbility(), StringComparer.Ordinal));
    }

    public static string Write(LearnerAbilities abilities) => JsonSerializer.Serialize(new Stored(
        StoredAbility.From(abilities.Overall),
        abilities.Domains.ToDictionary(d => d.Key, d => StoredAbility.From(d.Value), StringComparer.Ordinal)));

    private sealed record Stored(StoredAbility Overall, Dictionary<string, StoredAbility> Domains);

    private sealed record StoredAbility(double Mean, double Sd, int Responses, DateTimeOffset? Last)
    {
        public static StoredAbility From(Ability a) => new(a.Mean, a.Sd, a.Responses, a.LastEvidence);

        public Ability ToAbility() => new(Mean, Sd, Responses, Last);
    }
}
