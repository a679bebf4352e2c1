using Portal.Engine.Primitives;
namespace Portal.Engine.Synthetic;

/// <summary>Writes captions from a theme's vocabulary with a few templates per language.</summary>
public static class CaptionWriter
{
    private static readonly IReadOnlyDictionary<string, string[]> Templates = new Dictionary<string, string[]>
    {
        ["en"] = ["{0} and {1} today", "best {0} ever? {1} edition", "when the {0} hits different", "{0} tips: {1} and {2}", "trying {0} with {1} for the first time", "pov: {0} {1} {2}", "day 12 of {0} {1}", "{0} vs {1}, who wins"],
        ["es"] = ["{0} y {1} hoy", "¿el mejor {0}? {1}", "cuando el {0} pega distinto", "consejos de {0}: {1} y {2}", "probando {0} con {1} por primera vez", "pov: {0} {1} {2}", "día 12 de {0} {1}", "{0} contra {1}, ¿quién gana?"],
        ["pt"] = ["{0} e {1} hoje", "melhor {0} de todos? {1}", "quando o {0} bate diferente", "dicas de {0}: {1} e {2}", "testando {0} com {1} pela primeira vez", "pov: {0} {1} {2}", "dia 12 de {0} {1}", "{0} contra {1}, quem ganha?"],
        ["fr"] = ["{0} et {1} aujourd'hui", "le meilleur {0} ? {1}", "quand le {0} frappe différemment", "astuces {0} : {1} et {2}", "j'essaie {0} avec {1} pour la première fois", "pov : {0} {1} {2}", "jour 12 de {0} {1}", "{0} contre {1}, qui gagne ?"],
        ["de"] = ["{0} und {1} heute", "bester {0} aller zeiten? {1}", "wenn {0} einfach anders ist", "{0} tipps: {1} und {2}", "zum ersten mal {0} mit {1}", "pov: {0} {1} {2}", "tag 12 von {0} {1}", "{0} gegen {1}, wer gewinnt?"],
    };

    /// <summary>A caption in <paramref name="language"/>, or, for a language-neutral video, emoji and a few bare words.</summary>
    public static string Write(Theme theme, string? language, SeededRandom random)
    {
        if (language is null)
        {
            var words = theme.Words["en"];
            return $"{theme.Emoji} {random.Pick(words)} {theme.Emoji} {random.Pick(words)}";
        }

        var vocabulary = theme.Words[language];
        var template = random.Pick(Templates[language]);
        var caption = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, random.Pick(vocabulary), random.Pick(vocabulary), random.Pick(vocabulary));
        return random.Chance(0.5) ? caption + " " + theme.Emoji : caption;
    }
}
