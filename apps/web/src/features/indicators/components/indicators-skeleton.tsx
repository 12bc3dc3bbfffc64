import { Card, Grid, Paper, SimpleGrid, Skeleton, Stack } from '@mantine/core';

/** The page's shape while the first answer is on its way, so nothing jumps when it lands. */
export function IndicatorsSkeleton() {
  return (
    <Stack gap="lg" data-testid="indicators-loading" aria-busy>
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
        {[0, 1, 2, 3].map((index) => (
          <Paper key={index} withBorder radius="md" p="md">
            <Skeleton height={12} width="60%" />
            <Skeleton height={28} width="40%" mt="md" />
            <Skeleton height={10} width="80%" mt="md" />
            <Skeleton height={10} width="70%" mt={6} />
          </Paper>
        ))}
      </SimpleGrid>
      {[0, 1].map((index) => (
        <Card key={index} withBorder radius="md" padding="lg">
          <Skeleton height={20} width={220} mb="lg" />
          <Grid gutter="lg">
            <Grid.Col span={{ base: 12, md: 7, lg: 5 }}>
              <Skeleton height={220} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
              <Skeleton height={220} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 3 }}>
              <Skeleton height={220} />
            </Grid.Col>
          </Grid>
        </Card>
      ))}
    </Stack>
  );
}
