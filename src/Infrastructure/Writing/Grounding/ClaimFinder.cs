using System.Text.RegularExpressions;

namespace Digest.Infrastructure.Writing.Grounding;

/// <summary>
/// Finds what a sentence states that a source must contain: quotes, dates, numbers and names (runs of capitalised
/// words, acronyms, CamelCase and model names such as "GPT-4o" or "Llama 3.1 70B"). What is not one of these —
/// opinion, consequence, commentary — is not a claim to check.
/// </summary>
internal static partial class ClaimFinder
{
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "de", "van", "von", "der", "la", "du", "del", "da", "di", "le" };

    /// <param name="sentence">Plain text of one sentence.</param>
    /// <param name="usedInLowerCase">Whether a folded word is used in lower case in the section or its sources:
    /// a capitalised word that opens a sentence is then an ordinary word, not a name.</param>
    public static IReadOnlyList<Claim> Find(string sentence, Func<string, bool> usedInLowerCase)
    {
        var text = Numbers.JoinThousands(sentence);
        var claims = new List<Claim>();
        var taken = new List<(int Start, int End)>();

        foreach (Match quote in Quote().Matches(text))
        {
            var inner = quote.Groups["q"];
            var squashed = GroundingText.Squash(inner.ValueSpan);
            if (squashed.Length > 0)
            {
                claims.Add(new Claim(ClaimKind.Quote, inner.Value, quote.Index, quote.Length) { Squashed = squashed });
                taken.Add((quote.Index, quote.Index + quote.Length));
            }
        }

        foreach (var (date, start, length) in Dates.Find(text))
        {
            if (!Overlaps(taken, start, start + length))
            {
                claims.Add(new Claim(ClaimKind.Date, text.Substring(start, length), start, length) { Date = date });
                taken.Add((start, start + length));
            }
        }

        var tokens = Tokens.Of(text).Where(t => !Overlaps(taken, t.Start, t.End)).ToList();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (Numbers.IsYear(token.Text, out var year) && !FollowedByUnit(text, tokens, i))
            {
                claims.Add(new Claim(ClaimKind.Date, token.Text, token.Start, token.Length) { Date = new DateKey(year, 0, 0) });
                continue;
            }

            if (Numbers.IsNumber(token.Text))
            {
                if (Numbers.Read(text, tokens, i, out var used, out var end) is { } number)
                {
                    claims.Add(new Claim(ClaimKind.Number, text[token.Start..end], token.Start, end - token.Start) { Number = number });
                    i += used - 1;
                }

                continue;
            }

            if (!IsNameLike(text, tokens, i, usedInLowerCase))
            {
                continue;
            }

            var run = NameRun(text, tokens, i, usedInLowerCase);
            i += run.Count - 1;
            if (Name(text, run) is { } name)
            {
                claims.Add(name);
            }
        }

        claims.Sort((a, b) => a.Start.CompareTo(b.Start));
        return claims;
    }

    private static List<Token> NameRun(string text, List<Token> tokens, int first, Func<string, bool> usedInLowerCase)
    {
        var run = new List<Token> { tokens[first] };
        var j = first + 1;
        while (j < tokens.Count && Tokens.Adjacent(text, tokens[j - 1], tokens[j]))
        {
            var next = tokens[j];
            if (IsNameLike(text, tokens, j, usedInLowerCase, midRun: true))
            {
                run.Add(next);
                j++;
            }
            else if (Numbers.IsNumber(next.Text) && IsVersionOrSize(next.Text))
            {
                // "Llama 3", "Claude 3.5 Sonnet", "Qwen 2.5 72B": the number is part of the name.
                run.Add(next);
                j++;
            }
            else if (Connectors.Contains(next.Text) && j + 1 < tokens.Count && Tokens.Adjacent(text, next, tokens[j + 1])
                && IsNameLike(text, tokens, j + 1, usedInLowerCase, midRun: true))
            {
                run.Add(next);
                run.Add(tokens[j + 1]);
                j += 2;
            }
            else
            {
                break;
            }
        }

        return run;
    }

    private static Claim? Name(string text, List<Token> run)
    {
        // Titles are not names; "Dr." alone names nobody.
        var words = run.SkipWhile(t => CommonWords.IsTitle(Fold(t.Text))).ToList();
        if (words.Count == 0 || (words.Count == 1 && CommonWords.IsGeneric(Fold(words[0].Text))))
        {
            return null;
        }

        var start = run[0].Start;
        var end = run[^1].End;
        var shown = text[start..end];
        var squashed = GroundingText.Squash(string.Join(" ", words.Select(w => Bare(w.Text))));
        var hasDigits = words.Any(w => w.Text.Any(char.IsDigit));
        // A versioned name must be found whole ("Llama 3" is not "Llama 2"); a person or an organisation by any
        // distinctive word of it ("LeCun" for "Yann LeCun", "DeepMind" for "Google DeepMind").
        IReadOnlyList<string> alternatives = hasDigits || words.Count == 1
            ? []
            : [.. words.Select(w => Fold(w.Text)).Where(w => w.Length >= 3 && !Connectors.Contains(w) && !CommonWords.IsGeneric(w) && !CommonWords.IsSentenceStarter(w) && !CommonWords.IsTitle(w))
                .Select(w => GroundingText.Squash(w)).Distinct(StringComparer.Ordinal)];
        return new Claim(ClaimKind.Name, shown, start, end - start) { Squashed = squashed, Alternatives = alternatives };
    }

    private static bool IsNameLike(string text, List<Token> tokens, int index, Func<string, bool> usedInLowerCase, bool midRun = false)
    {
        var raw = tokens[index].Text;
        var word = Bare(raw);
        if (word.Length == 0 || Numbers.IsNumber(word))
        {
            return false;
        }

        var folded = Fold(word);
        if (CommonWords.IsTitle(folded) && char.IsUpper(word[0]))
        {
            return true;
        }

        if (CommonWords.IsGeneric(folded) && !midRun)
        {
            return false;
        }

        var hasLetter = word.Any(char.IsLetter);
        var hasDigit = word.Any(char.IsDigit);
        if (hasLetter && hasDigit)
        {
            return true;
        }

        if (RedditName().IsMatch(word))
        {
            return true;
        }

        if (!char.IsUpper(word[0]))
        {
            // "vLLM", "iPhone": lower case first, capitals after.
            return word.Skip(1).Any(char.IsUpper) && word.Any(char.IsLower);
        }

        var camel = IsCamelCase(word);
        var acronym = word.Length >= 2 && word.Where(char.IsLetter).All(char.IsUpper);
        if (camel || acronym)
        {
            return !CommonWords.IsGeneric(folded);
        }

        if (midRun)
        {
            return !CommonWords.IsGeneric(folded);
        }

        if (!OpensSentence(text, tokens, index))
        {
            return !CommonWords.IsGeneric(folded);
        }

        // A capitalised word opening a sentence is a name when more of the name follows ("Zephyr Labs", "Llama 3"),
        // or when it is no ordinary word.
        if (index + 1 < tokens.Count && Tokens.Adjacent(text, tokens[index], tokens[index + 1]) && !CommonWords.IsSentenceStarter(folded) && !CommonWords.LooksInflected(folded)
            && (IsNameLike(text, tokens, index + 1, usedInLowerCase, midRun: true) && char.IsUpper(tokens[index + 1].Text[0])
                || Numbers.IsNumber(tokens[index + 1].Text) && IsVersionOrSize(tokens[index + 1].Text) && !Numbers.IsYear(tokens[index + 1].Text, out _)))
        {
            return true;
        }

        // A compound with a lower-case tail is as ordinary as its first part ("Quantisation-aware", "Open-weights");
        // "Kestrel-VL" is a name whatever "kestrel" is.
        var hyphen = word.IndexOf('-', StringComparison.Ordinal);
        var head = hyphen > 0 && word[(hyphen + 1)..].All(c => !char.IsLetter(c) || char.IsLower(c)) ? Fold(word[..hyphen]) : folded;
        return !IsOrdinary(folded, usedInLowerCase) && (head == folded || !IsOrdinary(head, usedInLowerCase));
    }

    private static bool IsOrdinary(string folded, Func<string, bool> usedInLowerCase) =>
        CommonWords.IsSentenceStarter(folded) || CommonWords.LooksInflected(folded) || usedInLowerCase(folded) || CommonWords.IsEnglishWord(folded);

    private static bool OpensSentence(string text, List<Token> tokens, int index)
    {
        var before = index == 0 ? 0 : tokens[index - 1].End;
        for (var i = tokens[index].Start - 1; i >= before; i--)
        {
            var c = text[i];
            if (c is ':' or '(' or '"' or '“' or '—' or '–' or '*' or '-' or '•' or ';')
            {
                return true;
            }
        }

        return index == 0;
    }

    private static bool FollowedByUnit(string text, List<Token> tokens, int index)
    {
        if (Numbers.Read(text, tokens, index, out _, out _) is { Unit.Length: > 0 })
        {
            return true;
        }

        return index + 1 < tokens.Count && Tokens.Adjacent(text, tokens[index], tokens[index + 1]) && Numbers.IsNumber(tokens[index + 1].Text);
    }

    // "3", "3.5", "70B": a version or a size that belongs to a name, not a count ("600").
    private static bool IsVersionOrSize(string token) =>
        !token.EndsWith('%') && !token.StartsWith('$') && (token.Length <= 2 || token.Contains('.', StringComparison.Ordinal) || char.IsLetter(token[^1]));

    private static bool IsCamelCase(string word)
    {
        for (var i = 1; i < word.Length; i++)
        {
            if (char.IsUpper(word[i]) && char.IsLower(word[i - 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Overlaps(List<(int Start, int End)> taken, int start, int end) => taken.Any(t => start < t.End && t.Start < end);

    /// <summary>The word without a possessive ("DeepMind’s").</summary>
    private static string Bare(string token) =>
        token.EndsWith("'s", StringComparison.Ordinal) || token.EndsWith("’s", StringComparison.Ordinal) ? token[..^2] : token;

    private static string Fold(string word) => GroundingText.Squash(Bare(word));

    [GeneratedRegex(@"(?<open>[""“«])(?<q>[^""“”«»\n]{1,400}?)(?<close>[""”»])", RegexOptions.CultureInvariant)]
    private static partial Regex Quote();

    [GeneratedRegex(@"^[ru]/[A-Za-z0-9_\-]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex RedditName();
}
