using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Predictions;

public static class PredictionsServiceCollectionExtensions
{
    public static IServiceCollection AddPredictions(this IServiceCollection services) => services.AddScoped<PredictionHistory>();
}
